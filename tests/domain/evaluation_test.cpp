// The evaluation rules: outcomes of actions and milestones against their due dates, targets met
// or missed on the value of the horizon's end, and the verdict of a set of actions.

#include "domain/evaluation.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {

Date D(const char* text) { return *ParseIsoDate(text); }

}  // namespace

TEST_CASE("evaluation: a horizon passes only once its last day is over", "[domain]") {
  CHECK_FALSE(HorizonPassed(2025, D("2025-12-31")));
  CHECK(HorizonPassed(2025, D("2026-01-01")));
  CHECK(DefaultHorizon({2025, 2035}, D("2026-12-03")) == 2025);
  CHECK(DefaultHorizon({2025, 2035}, D("2025-12-31")) == 2025);  // the next, still ahead
  CHECK(DefaultHorizon({2025, 2035}, D("2024-01-01")) == 2025);
  CHECK(DefaultHorizon({2025, 2035}, D("2036-01-01")) == 2035);
}

TEST_CASE("evaluation: done on the due date is on time, a day later is one day late", "[domain]") {
  const Date as_of = D("2026-12-03");
  auto on_due = ClassifyItem(D("2025-06-30"), D("2025-06-30"), as_of);
  CHECK(on_due.outcome == Outcome::kDoneOnTime);
  CHECK(on_due.days_late == 0);
  auto day_late = ClassifyItem(D("2025-06-30"), D("2025-07-01"), as_of);
  CHECK(day_late.outcome == Outcome::kDoneLate);
  CHECK(day_late.days_late == 1);
  CHECK(ClassifyItem(D("2025-06-30"), D("2024-01-01"), as_of).outcome == Outcome::kDoneOnTime);
}

TEST_CASE("evaluation: not done is counted from the due date; done after as-of is not done",
          "[domain]") {
  const Date as_of = D("2026-01-10");
  auto open = ClassifyItem(D("2025-12-31"), std::nullopt, as_of);
  CHECK(open.outcome == Outcome::kNotDone);
  CHECK(open.days_late == 10);
  CHECK(ClassifyItem(D("2025-12-31"), D("2026-02-01"), as_of).outcome == Outcome::kNotDone);
  CHECK(ClassifyItem(D("2026-01-10"), std::nullopt, as_of).outcome == Outcome::kInProgress);
  CHECK(OutcomeName(Outcome::kDoneLate) == "done-late");
}

TEST_CASE("evaluation: a target is met, missed by a gap and its share, or has no data",
          "[domain]") {
  // 62 (2020) to 75 (2025) asked for 13 points; 73.8 misses by 1.2, 1.2 / 13 of the change.
  IndicatorFacts up{false, 62, 2020, 75, 2025};
  auto missed = JudgeTarget(up, 73.8);
  CHECK(missed.outcome == TargetOutcome::kMissed);
  CHECK(*missed.gap == Approx(1.2));
  CHECK(*missed.gap_share == Approx(1.2 / 13));
  CHECK(JudgeTarget(up, 75).outcome == TargetOutcome::kMet);  // reaching it exactly is met
  CHECK_FALSE(JudgeTarget(up, 75).gap);
  CHECK(JudgeTarget(up, std::nullopt).outcome == TargetOutcome::kNoData);
  // Lower is better: 14.8 against a target of 13 from 14.5 misses by 1.8 of the 1.5 asked.
  IndicatorFacts down{true, 14.5, 2021, 13, 2025};
  auto cost = JudgeTarget(down, 14.8);
  CHECK(cost.outcome == TargetOutcome::kMissed);
  CHECK(*cost.gap == Approx(1.8));
  CHECK(*cost.gap_share == Approx(1.2));
  CHECK(JudgeTarget(down, 12.9).outcome == TargetOutcome::kMet);
  // A target equal to its baseline asked for no change: a miss has no share.
  IndicatorFacts flat{false, 100, 2021, 100, 2025};
  CHECK_FALSE(JudgeTarget(flat, 99).gap_share);
  CHECK(TargetOutcomeName(TargetOutcome::kNoData) == "no-data");
}

TEST_CASE("evaluation: verdicts of a passed horizon weigh what was done", "[domain]") {
  const Date as_of = D("2026-12-03");
  Tally all_on_time;
  all_on_time.Add(ClassifyItem(D("2025-01-01"), D("2025-01-01"), as_of), 1, 100, 100);
  CHECK(Verdict(all_on_time, true) == "achieved");
  Tally late = all_on_time;
  late.Add(ClassifyItem(D("2025-01-01"), D("2025-03-01"), as_of), 1, 100, 100);
  CHECK(Verdict(late, true) == "achieved-late");
  Tally partly = late;
  partly.Add(ClassifyItem(D("2025-01-01"), std::nullopt, as_of), 2, 60, 100);
  CHECK(partly.DoneShare() == Approx(50));
  CHECK(partly.Percent() == Approx((100 + 100 + 2 * 60) / 4.0));
  CHECK(Verdict(partly, true) == "partly-achieved");
  Tally mostly_not = partly;
  mostly_not.Add(ClassifyItem(D("2025-01-01"), std::nullopt, as_of), 1, 0, 100);
  CHECK(Verdict(mostly_not, true) == "not-achieved");
  CHECK(Verdict(Tally{}, true) == "no-actions");
}

TEST_CASE("evaluation: a horizon ahead is behind pace only 15 points behind the time elapsed",
          "[domain]") {
  const Date as_of = D("2026-12-03");
  Tally tally;
  tally.Add(ClassifyItem(D("2030-01-01"), std::nullopt, as_of), 1, 30, 45);
  CHECK(Verdict(tally, false) == "on-pace");
  tally.Add(ClassifyItem(D("2030-01-01"), std::nullopt, as_of), 1, 10, 45.5);
  CHECK(tally.Elapsed() == Approx(45.25));
  CHECK(Verdict(tally, false) == "behind-pace");  // 20 % done against 45.25 % of the time
}
