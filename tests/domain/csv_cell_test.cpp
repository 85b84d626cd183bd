// Spreadsheet-safe CSV cells: formulas are defused on the way out and the escape is undone
// exactly on the way in.

#include "domain/csv_cell.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

TEST_CASE("csv cell: a cell a spreadsheet would run gets a leading quote", "[domain]") {
  struct Case {
    const char* text;
    const char* cell;
  };
  const Case cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
      {"+1+1", "'+1+1"},
      {"-1+1", "'-1+1"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\t=1", "'\t=1"},
      {"\r=1", "'\r=1"},
      {"'=1", "''=1"},  // a note that really starts with '= keeps its quote
      {"'plain", "''plain"},
      {"'", "''"},
      {"-1.5", "-1.5"},  // a number is a value, not a formula
      {"-3", "-3"},
      {"a=1", "a=1"},  // only the first character counts
      {"2026-11-28", "2026-11-28"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(EscapeCell(c.text) == c.cell);
  }
}

TEST_CASE("csv cell: unescaping undoes exactly the escape", "[domain]") {
  const char* texts[] = {"",     "plain", "=1", "+1",  "-1",  "-1.5", "-x",  "@x",
                         "\t=x", "\r",    "'",  "''",  "'=1", "''=1", "'a",  "''a",
                         "a'=b", "=",     "-",  "'\t", "'-1", "'@",   " =1", "株洲"};
  for (const char* text : texts) {
    INFO(text);
    CHECK(UnescapeCell(EscapeCell(text)) == text);
  }
  // Cells written by hand or by an older plantrack: a quote before anything else stays.
  CHECK(UnescapeCell("'abc") == "'abc");
  CHECK(UnescapeCell("'") == "'");
  CHECK(UnescapeCell("'=1") == "=1");
}
