#include "store/csv_table.h"

#include <catch2/catch.hpp>

using plantrack::ExitCode;
using plantrack::store::ParseCsvTable;

TEST_CASE("csv: quoted fields, embedded newlines, CRLF and a BOM", "[store]") {
  auto table = ParseCsvTable("a.csv",
                             "\xEF\xBB\xBF"
                             "code,note\r\n"
                             "T1.01,\"two\r\nlines, with comma\"\r\n"
                             "\r\n"
                             "T1.02,\"say \"\"hi\"\"\"\r\n"
                             "T1.03,长株潭\r\n");
  REQUIRE(table.ok());
  CHECK(table->header == std::vector<std::string>{"code", "note"});
  REQUIRE(table->records.size() == 3);
  CHECK(table->records[0].fields[1] == "two\r\nlines, with comma");
  CHECK(table->records[0].line == 2);
  CHECK(table->records[1].fields[1] == "say \"hi\"");
  CHECK(table->records[1].line == 5);
  CHECK(table->records[2].fields[1] == "长株潭");
  CHECK(table->records[2].line == 6);
  CHECK(table->Column("note") == 1u);
  CHECK_FALSE(table->Column("title"));
}

TEST_CASE("csv: the last line needs no newline", "[store]") {
  auto table = ParseCsvTable("a.csv", "a,b\n1,2");
  REQUIRE(table.ok());
  REQUIRE(table->records.size() == 1);
  CHECK(table->records[0].fields[1] == "2");
}

TEST_CASE("csv: malformed input names the file and line", "[store]") {
  struct Case {
    const char* what;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"stray quote", "a,b\n1,2\n3,x\"y\"z\n", "a.csv:3: malformed CSV"},
      {"unclosed quote", "a,b\n1,2\n3,\"open\n", "a.csv:3: malformed CSV"},
      {"missing column", "a,b\n1,2\n3\n", "a.csv:3: 1 fields where the header has 2"},
      {"invalid UTF-8", "a,b\n1,\xff\xfe\n", "a.csv:2: field 2 is not valid UTF-8"},
      {"overlong UTF-8", "a,b\n1,\xc0\xaf\n", "a.csv:2: field 2 is not valid UTF-8"},
      {"empty", "", "a.csv: the file is empty"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto table = ParseCsvTable("a.csv", c.text);
    REQUIRE_FALSE(table.ok());
    CHECK(table.status().code() == ExitCode::kBadData);
    CHECK_THAT(table.status().message(), Catch::StartsWith(c.message));
  }
}

TEST_CASE("csv: a cell escaped for spreadsheets reads back as it was written", "[store]") {
  auto table = ParseCsvTable("a.csv",
                             "code,note\n"
                             "T1.01,'=HYPERLINK(1)\n"
                             "T1.02,''=kept quote\n"
                             "T1.03,'plain\n"
                             "T1.04,\"'-1+1, quoted\"\n"
                             "T1.05,-1.5\n");
  REQUIRE(table.ok());
  REQUIRE(table->records.size() == 5);
  CHECK(table->records[0].fields[1] == "=HYPERLINK(1)");
  CHECK(table->records[1].fields[1] == "'=kept quote");
  CHECK(table->records[2].fields[1] == "'plain");  // not an escape: kept
  CHECK(table->records[3].fields[1] == "-1+1, quoted");
  CHECK(table->records[4].fields[1] == "-1.5");
}
