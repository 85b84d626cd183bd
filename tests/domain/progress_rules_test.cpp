#include "domain/progress_rules.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {

Date D(const char* text) { return *ParseIsoDate(text); }

LogPoint Log(const char* on, int percent, const char* status = "on-track") {
  return LogPoint{D(on), percent, status};
}

}  // namespace

TEST_CASE("rules: expected progress is linear from start to due, clamped", "[domain]") {
  struct Case {
    const char* start;
    const char* due;
    const char* as_of;
    double expected;
  };
  const Case cases[] = {
      {"2024-01-01", "2024-12-31", "2023-06-01", 0.0},    // before the start
      {"2024-01-01", "2024-12-31", "2024-01-01", 0.0},    // on the start
      {"2024-01-01", "2025-01-01", "2024-07-02", 50.0},   // 183 of 366 days (leap year)
      {"2024-02-28", "2024-03-01", "2024-02-29", 50.0},   // the leap day is a day
      {"2025-01-01", "2025-12-31", "2025-12-31", 100.0},  // due date equal to as-of
      {"2025-01-01", "2025-12-31", "2026-01-01", 100.0},  // past the horizon
  };
  for (const Case& c : cases) {
    INFO(c.start << " .. " << c.due << " as of " << c.as_of);
    CHECK(ExpectedPercent(D(c.start), D(c.due), D(c.as_of)) == Approx(c.expected));
  }
}

TEST_CASE("rules: the assessment of an action as of a date", "[domain]") {
  struct Case {
    const char* what;
    ActionFacts facts;
    const char* as_of;
    Rag rag;
    Reason reason;
    int days_overdue;
  };
  const ActionFacts half_2025{D("2025-01-01"), D("2025-12-31"), Log("2025-02-01", 10),
                              Log("2025-07-01", 55)};
  const Case cases[] = {
      {"as-of before any log, not started",
       {D("2026-01-01"), D("2027-12-31"), {}, {}},
       "2025-06-01",
       Rag::kGreen,
       Reason::kNone,
       0},
      {"as-of before any log, far behind",
       {D("2022-01-01"), D("2025-12-31"), {}, {}},
       "2024-01-01",
       Rag::kAmber,
       Reason::kBehindPace,
       0},
      {"on pace", half_2025, "2025-07-02", Rag::kGreen, Reason::kNone, 0},
      {"due date equal to as-of is not overdue", half_2025, "2025-12-31", Rag::kAmber,
       Reason::kBehindPace, 0},
      {"2025-12-31 due, as of 2026-01-01: overdue by one day", half_2025, "2026-01-01", Rag::kRed,
       Reason::kOverdue, 1},
      {"overdue across a leap day",
       {D("2023-01-01"), D("2024-02-28"), Log("2023-06-01", 10), Log("2023-09-01", 60)},
       "2024-03-01",
       Rag::kRed,
       Reason::kOverdue,
       2},
      {"done at 100 % but late is done, not overdue",
       {D("2022-01-01"), D("2025-12-31"), Log("2022-06-01", 10), Log("2026-03-01", 100, "done")},
       "2026-11-28",
       Rag::kDone,
       Reason::kNone,
       0},
      {"blocked",
       {D("2025-01-01"), D("2027-12-31"), Log("2025-03-01", 10), Log("2025-06-01", 20, "blocked")},
       "2025-07-01",
       Rag::kRed,
       Reason::kBlocked,
       0},
      {"delayed",
       {D("2025-01-01"), D("2027-12-31"), Log("2025-03-01", 10), Log("2025-06-01", 20, "delayed")},
       "2025-07-01",
       Rag::kRed,
       Reason::kDelayed,
       0},
      {"more than 15 points behind",
       {D("2024-01-01"), D("2025-12-31"), Log("2024-03-01", 5), Log("2024-12-31", 30)},
       "2025-01-01",
       Rag::kAmber,
       Reason::kBehindPace,
       0},
      {"exactly 15 points behind is not behind",
       {D("2025-01-01"), D("2025-04-11"), Log("2025-02-10", 15), Log("2025-02-20", 35)},
       "2025-02-20",
       Rag::kGreen,
       Reason::kNone,
       0},
      {"zero pace projects never",
       {D("2024-01-01"), D("2035-12-31"), Log("2024-06-01", 20), Log("2025-06-01", 20)},
       "2025-07-01",
       Rag::kAmber,
       Reason::kProjectedLate,
       0},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Assessment a = AssessAction(c.facts, D(c.as_of));
    CHECK(RagName(a.rag) == RagName(c.rag));
    CHECK(ReasonName(a.reason) == ReasonName(c.reason));
    CHECK(a.days_overdue == c.days_overdue);
  }
}

TEST_CASE("rules: projected completion follows the pace since the first log", "[domain]") {
  // 10 % on 2025-01-01, 30 % on 2025-01-21: 1 point a day, 70 points left.
  ActionFacts facts{D("2024-12-01"), D("2025-12-31"), Log("2025-01-01", 10), Log("2025-01-21", 30)};
  Projection p = ProjectCompletion(facts);
  REQUIRE(p.on);
  CHECK(FormatIsoDate(*p.on) == "2025-04-01");
  // A single entry counts from the start at 0 %: 20 points in 20 days, 80 days to go.
  ActionFacts single{D("2025-01-01"), D("2025-12-31"), Log("2025-01-21", 20),
                     Log("2025-01-21", 20)};
  CHECK(FormatIsoDate(*ProjectCompletion(single).on) == "2025-04-11");
  CHECK(ProjectCompletion({D("2025-01-01"), D("2025-12-31"), {}, {}}).on == std::nullopt);
  ActionFacts flat{D("2025-01-01"), D("2025-12-31"), Log("2025-02-01", 40), Log("2025-05-01", 40)};
  CHECK(ProjectCompletion(flat).never);
}

TEST_CASE("rules: a milestone done after as-of is still overdue as of then", "[domain]") {
  struct Case {
    const char* due;
    const char* done;  // "" = not done
    const char* as_of;
    bool overdue;
  };
  const Case cases[] = {
      {"2025-06-30", "", "2025-07-01", true},
      {"2025-06-30", "", "2025-06-30", false},            // due today
      {"2025-06-30", "2025-08-01", "2025-07-15", true},   // done after as-of
      {"2025-06-30", "2025-07-10", "2025-07-15", false},  // done late, but done by then
      {"2024-02-29", "", "2024-03-01", true},             // leap day
      {"2025-12-31", "", "2026-01-01", true},
      {"2025-12-31", "", "2025-12-31", false},
  };
  for (const Case& c : cases) {
    INFO(c.due << " done " << c.done << " as of " << c.as_of);
    std::optional<Date> done = *c.done ? std::optional(D(c.done)) : std::nullopt;
    CHECK(MilestoneOverdue(D(c.due), done, D(c.as_of)) == c.overdue);
  }
}
