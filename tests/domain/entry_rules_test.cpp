#include "domain/entry_rules.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

TEST_CASE("entry rules: percent, status and the latest entry", "[domain]") {
  struct Case {
    const char* what;
    int percent;
    const char* status;
    const char* note;
    std::optional<LatestEntry> latest;
    bool accepted;
  };
  const Case cases[] = {
      {"first entry", 10, "on-track", "", std::nullopt, true},
      {"same as latest", 40, "on-track", "", LatestEntry{40, "on-track"}, true},
      {"forward", 55, "at-risk", "", LatestEntry{40, "on-track"}, true},
      {"back without reason", 30, "on-track", "", LatestEntry{40, "on-track"}, false},
      {"back, delayed, no note", 30, "delayed", "", LatestEntry{40, "on-track"}, false},
      {"back, delayed with note", 30, "delayed", "flood", LatestEntry{40, "on-track"}, true},
      {"back, blocked with note", 0, "blocked", "court order", LatestEntry{40, "on-track"}, true},
      {"back, at-risk with note", 30, "at-risk", "why", LatestEntry{40, "on-track"}, false},
      {"done below 100", 99, "done", "", std::nullopt, false},
      {"done at 100", 100, "done", "", LatestEntry{90, "on-track"}, true},
      {"after done", 100, "done", "", LatestEntry{100, "done"}, false},
      {"unknown status", 10, "fine", "", std::nullopt, false},
      {"over 100", 101, "on-track", "", std::nullopt, false},
      {"below 0", -1, "on-track", "", std::nullopt, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(!CheckProgress("T1.01", c.percent, c.status, c.note, c.latest).has_value() == c.accepted);
  }
}

TEST_CASE("entry rules: dates between the plan's issue and today", "[domain]") {
  const Date issued = *ParseIsoDate("2022-03-22"), far = *ParseIsoDate("2035-12-31");
  const Date today = *ParseIsoDate("2026-11-28");
  CHECK_FALSE(CheckEntryDate(today, today, issued, far));
  CHECK_FALSE(CheckEntryDate(issued, today, issued, far));
  CHECK_FALSE(CheckEntryDate(*ParseIsoDate("2024-02-29"), today, issued, far));
  CHECK(CheckEntryDate(*ParseIsoDate("2026-11-29"), today, issued, far));
  CHECK(CheckEntryDate(*ParseIsoDate("2022-03-21"), today, issued, far));
  CHECK(CheckEntryDate(*ParseIsoDate("2036-01-01"), *ParseIsoDate("2036-06-01"), issued, far));
}

TEST_CASE("entry rules: notes", "[domain]") {
  CHECK_FALSE(CheckNote("--note", "two\nlines\tand a tab, 中文"));
  CHECK_FALSE(CheckNote("--note", std::string(2000, 'x')));
  CHECK(CheckNote("--note", std::string(2001, 'x')));
  CHECK(CheckNote("--note", "escape \x1b[31m"));
  CHECK(CheckNote("--note", "delete \x7f"));
  CHECK(CheckNote("--note", "not UTF-8 \xff"));
}

TEST_CASE("entry rules: a note's limit is in characters, not bytes", "[domain]") {
  std::string chinese;
  for (int i = 0; i < 2000; ++i) chinese += "进";  // 6,000 bytes
  CHECK_FALSE(CheckNote("--note", chinese));
  auto problem = CheckNote("--note", chinese + "展");
  REQUIRE(problem);
  CHECK_THAT(*problem, Catch::Contains("2001 characters"));
}
