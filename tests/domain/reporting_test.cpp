#include "domain/reporting.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {
Date D(const char* text) { return *ParseIsoDate(text); }
Report R(const char* logged, const char* recorded) { return {D(logged), D(recorded)}; }
}  // namespace

TEST_CASE("reporting: which actions are expected to report in a quarter", "[domain]") {
  const Quarter q{2025, 3};  // 2025-07-01 .. 2025-09-30
  struct Case {
    const char* what;
    const char* start;
    const char* done;  // "" = not done
    bool expected;
  };
  const Case cases[] = {
      {"started long before", "2023-01-01", "", true},
      {"starts on the quarter's last day", "2025-09-30", "", true},
      {"starts after the quarter", "2025-10-01", "", false},
      {"done before the quarter", "2023-01-01", "2025-06-30", false},
      {"done on the quarter's first day", "2023-01-01", "2025-07-01", true},
      {"done after the quarter", "2023-01-01", "2025-12-01", true},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::optional<Date> done = *c.done ? std::optional(D(c.done)) : std::nullopt;
    CHECK(ExpectedIn(q, D(c.start), done) == c.expected);
  }
  CHECK(FormatIsoDate(ReportDeadline(Quarter{2025, 4})) == "2026-01-15");
  CHECK(FormatIsoDate(ReportDeadline(Quarter{2024, 1})) == "2024-04-15");
}

TEST_CASE("reporting: completeness, timeliness and days late, computed by hand", "[domain]") {
  const Quarter q{2025, 3};  // deadline 2025-10-15
  const std::vector<ReportingPair> pairs = {
      // on time
      {D("2024-01-01"), std::nullopt, {R("2025-09-30", "2025-10-15")}},
      // late by 5 days; an earlier-quarter entry does not count
      {D("2024-01-01"),
       std::nullopt,
       {R("2025-06-30", "2025-07-01"), R("2025-08-01", "2025-10-20")}},
      // late by 30 days (the latest late report)
      {D("2024-01-01"), std::nullopt, {R("2025-09-01", "2025-11-14")}},
      // no report in the quarter
      {D("2024-01-01"), std::nullopt, {R("2025-10-01", "2025-10-02")}},
      // not expected: done before the quarter
      {D("2024-01-01"), D("2025-05-01"), {}},
  };
  QuarterRate rate = RateQuarter(q, pairs);
  CHECK(rate.expected == 4);
  CHECK(rate.actual == 3);
  CHECK(rate.on_time == 1);
  REQUIRE(rate.days_late);
  CHECK(*rate.days_late == 30);
  CHECK(*rate.Completeness() == Approx(75.0));
  CHECK(*rate.Timeliness() == Approx(25.0));
}

TEST_CASE("reporting: a quarter with nothing expected is n/a, not 0 % or 100 %", "[domain]") {
  QuarterRate rate = RateQuarter(Quarter{2022, 1}, {{D("2023-01-01"), std::nullopt, {}}});
  CHECK(rate.expected == 0);
  CHECK_FALSE(rate.Completeness());
  CHECK_FALSE(rate.Timeliness());
  CHECK_FALSE(rate.days_late);
}

TEST_CASE("reporting: only a quarter that has ended, since the plan, can be rated", "[domain]") {
  const Date issued = D("2022-03-22");
  struct Case {
    const char* quarter;
    const char* as_of;
    const char* problem;  // "" = can be rated
  };
  const Case cases[] = {
      {"2026Q3", "2026-11-28", ""},
      {"2026Q3", "2026-10-01", ""},               // ended the day before
      {"2026Q3", "2026-09-30", "still running"},  // its last day: not over yet
      {"2026Q4", "2026-11-28", "still running"},
      {"2026Q4", "2026-10-01", "still running"},  // its first day
      {"2027Q1", "2026-11-28", "in the future"},
      {"2030Q2", "2026-11-28", "in the future"},
      {"2022Q1", "2026-11-28", ""},  // the plan was issued in it
      {"2021Q4", "2026-11-28", "before the plan was issued (2022-03-22)"},
      {"1999Q1", "2026-11-28", "before the plan"},
  };
  for (const Case& c : cases) {
    INFO(c.quarter << " as of " << c.as_of);
    auto problem = CheckRatedQuarter(*ParseQuarter(c.quarter), D(c.as_of), issued);
    if (*c.problem == '\0') {
      CHECK_FALSE(problem);
    } else {
      REQUIRE(problem);
      CHECK_THAT(*problem, Catch::Contains(c.quarter) && Catch::Contains(c.problem));
    }
  }
}
