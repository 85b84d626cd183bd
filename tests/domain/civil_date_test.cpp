#include "domain/civil_date.h"

#include <catch2/catch.hpp>

using plantrack::domain::IsIsoTimestamp;
using plantrack::domain::ParseIsoDate;

TEST_CASE("dates: only real YYYY-MM-DD days parse", "[domain]") {
  struct Case {
    const char* text;
    bool valid;
  };
  const Case cases[] = {
      {"2025-01-01", true},  {"2024-02-29", true},  {"2025-02-29", false},  {"2025-02-30", false},
      {"2025-13-01", false}, {"2025-00-10", false}, {"2025-04-31", false},  {"25-1-1", false},
      {"2025/01/01", false}, {"2025-1-01", false},  {"2025-01-01 ", false}, {"", false},
      {"2100-02-29", false}, {"2000-02-29", true},  {"2035-12-31", true},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(ParseIsoDate(c.text).has_value() == c.valid);
  }
}

TEST_CASE("dates: only real YYYY-MM-DDTHH:MM:SSZ timestamps are accepted", "[domain]") {
  struct Case {
    const char* text;
    bool valid;
  };
  const Case cases[] = {
      {"2026-11-28T10:00:00Z", true},    {"2024-02-29T23:59:59Z", true},
      {"2026-01-01T00:00:00Z", true},    {"2025-02-29T10:00:00Z", false},
      {"2026-11-28T24:00:00Z", false},   {"2026-11-28T10:60:00Z", false},
      {"2026-11-28T23:59:60Z", false},   {"2026-11-28 10:00:00Z", false},
      {"2026-11-28T10:00:00", false},    {"2026-11-28T10:00:00+08:00", false},
      {"2026-11-28T1:00:00Z", false},    {"2026-11-28T10:00:0aZ", false},
      {"2026-11-28T10:00:00.5Z", false}, {"", false},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(IsIsoTimestamp(c.text) == c.valid);
  }
}

TEST_CASE("dates: format round-trips and day arithmetic crosses leap days", "[domain]") {
  using namespace plantrack::domain;
  CHECK(FormatIsoDate(*ParseIsoDate("2024-02-29")) == "2024-02-29");
  CHECK(DaysBetween(*ParseIsoDate("2024-02-28"), *ParseIsoDate("2024-03-01")) == 2);
  CHECK(DaysBetween(*ParseIsoDate("2025-02-28"), *ParseIsoDate("2025-03-01")) == 1);
  CHECK(DaysBetween(*ParseIsoDate("2025-12-31"), *ParseIsoDate("2026-01-01")) == 1);
  CHECK(DaysBetween(*ParseIsoDate("2026-01-01"), *ParseIsoDate("2025-12-31")) == -1);
  CHECK(FormatIsoDate(AddDays(*ParseIsoDate("2024-02-28"), 1)) == "2024-02-29");
}

TEST_CASE("dates: quarters parse and bound their days", "[domain]") {
  using namespace plantrack::domain;
  auto q = ParseQuarter("2024Q1");
  REQUIRE(q);
  CHECK(FormatIsoDate(FirstDay(*q)) == "2024-01-01");
  CHECK(FormatIsoDate(LastDay(*q)) == "2024-03-31");
  CHECK(FormatIsoDate(LastDay(Quarter{2025, 4})) == "2025-12-31");
  CHECK(QuarterOf(*ParseIsoDate("2026-11-28")) == Quarter{2026, 4});
  CHECK(Next(Quarter{2025, 4}) == Quarter{2026, 1});
  CHECK(Previous(Quarter{2026, 1}) == Quarter{2025, 4});
  CHECK_FALSE(ParseQuarter("2024Q5"));
  CHECK_FALSE(ParseQuarter("2024-3"));
}
