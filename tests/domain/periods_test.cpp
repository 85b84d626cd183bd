// Period ends: the days `trend` samples the status on.

#include "domain/periods.h"

#include <catch2/catch.hpp>

using plantrack::domain::Date;
using plantrack::domain::FormatIsoDate;
using plantrack::domain::ParseIsoDate;
using plantrack::domain::PeriodEnds;
using plantrack::domain::PeriodKind;

namespace {

std::vector<std::string> Days(const std::string& from, const std::string& to, PeriodKind kind) {
  std::vector<std::string> days;
  for (const auto& end : PeriodEnds(*ParseIsoDate(from), *ParseIsoDate(to), kind)) {
    days.push_back(end.label + "@" + FormatIsoDate(end.on) + (end.partial ? "*" : ""));
  }
  return days;
}

}  // namespace

TEST_CASE("periods: quarter ends from the issue date, the running quarter cut at as-of",
          "[domain]") {
  CHECK(Days("2022-03-22", "2022-11-28", PeriodKind::kQuarter) ==
        std::vector<std::string>{"2022Q1@2022-03-31", "2022Q2@2022-06-30", "2022Q3@2022-09-30",
                                 "2022Q4@2022-11-28*"});
}

TEST_CASE("periods: an as-of date on a quarter's last day ends the list on it", "[domain]") {
  CHECK(Days("2024-01-01", "2024-06-30", PeriodKind::kQuarter) ==
        std::vector<std::string>{"2024Q1@2024-03-31", "2024Q2@2024-06-30"});
  CHECK(Days("2024-12-31", "2024-12-31", PeriodKind::kQuarter) ==
        std::vector<std::string>{"2024Q4@2024-12-31"});
}

TEST_CASE("periods: year ends, and nothing before the start", "[domain]") {
  CHECK(Days("2022-03-22", "2026-11-28", PeriodKind::kYear).size() == 5);
  CHECK(Days("2022-03-22", "2024-02-01", PeriodKind::kYear) ==
        std::vector<std::string>{"2022@2022-12-31", "2023@2023-12-31", "2024@2024-02-01*"});
  CHECK(Days("2024-01-01", "2023-12-31", PeriodKind::kYear).empty());
  CHECK(plantrack::domain::ParsePeriodKind("month") == std::nullopt);
}
