#include "store/csv_table.h"

#include <csv.h>

#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "domain/csv_cell.h"

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

namespace {

// libcsv's own reading of a whole text at once, with ReadCsv's options: the oracle for the
// lines ReadCsv splits without it.
std::vector<std::vector<std::string>> LibcsvRecords(const std::string& text) {
  std::vector<std::vector<std::string>> records(1);
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  auto on_field = [](void* data, size_t size, void* out) {
    static_cast<decltype(records)*>(out)->back().emplace_back(
        plantrack::domain::UnescapeCell({static_cast<const char*>(data), data ? size : 0}));
  };
  auto on_end = [](int, void* out) { static_cast<decltype(records)*>(out)->emplace_back(); };
  REQUIRE(csv_parse(&parser, text.data(), text.size(), on_field, on_end, &records) == text.size());
  REQUIRE(csv_fini(&parser, on_field, on_end, &records) == 0);
  csv_free(&parser);
  records.pop_back();
  return records;
}

}  // namespace

TEST_CASE("csv: plain lines split without libcsv read as libcsv reads them", "[store]") {
  // Fields plain or quoted, with spaces and tabs at their ends, commas, quotes, CR and LF
  // inside quotes, blank lines, CRLF or LF: 2,000 random files, each against libcsv's reading.
  const std::vector<std::string> plain = {"",    "a",   "T1.01",  " a",  "a ",
                                          "\tb", "x y", "长株潭", "'=1", "-1.5"};
  const std::vector<std::string> quoted = {"\"a,b\"",      "\"say \"\"hi\"\"\"", "\"two\nlines\"",
                                           "\"cr\r\nlf\"", "\" padded \"",       "\"\""};
  std::mt19937 random(18);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int lines = 1 + static_cast<int>(random() % 6);
    for (int l = 0; l < lines; ++l) {
      const int fields = static_cast<int>(random() % 4);  // 0: a blank line
      for (int f = 0; f < fields; ++f) {
        if (f > 0) text += ',';
        text +=
            random() % 4 == 0 ? quoted[random() % quoted.size()] : plain[random() % plain.size()];
      }
      if (l + 1 < lines || random() % 2) text += random() % 3 == 0 ? "\r\n" : "\n";
    }
    INFO(text);
    std::vector<std::vector<std::string>> read;
    std::istringstream in(text);
    REQUIRE(plantrack::store::ReadCsv(in, "r.csv", [&](plantrack::store::CsvRecord& record) {
              read.push_back(record.fields);
              return plantrack::Status::Ok();
            }).ok());
    CHECK(read == LibcsvRecords(text));
  }
}
