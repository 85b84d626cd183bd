#pragma once
// The evaluation rules of DESIGN.md ("Evaluation"): once a date has passed, an action or a
// milestone was done on time, done late or not done, and an indicator target was met, missed
// or has no data; a task area's verdict sums its actions up. Pure functions of the facts passed
// in: the caller has dropped retracted entries and everything dated after the as-of date.

#include <optional>
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "domain/indicator_pace.h"

namespace plantrack::domain {

// The last day of a horizon year (the plan's horizons are year ends).
Date HorizonEnd(int year);
// A horizon has passed once its last day is over: on 2025-12-31 itself it is still running.
bool HorizonPassed(int year, const Date& as_of);

// `evaluate`'s default horizon: the latest of `years` (ascending) that has passed as of `as_of`,
// else the first still ahead.
int DefaultHorizon(const std::vector<int>& years, const Date& as_of);

enum class Outcome { kDoneOnTime, kDoneLate, kNotDone, kInProgress };
std::string OutcomeName(Outcome outcome);  // done-on-time | done-late | not-done | in-progress

struct ItemOutcome {
  Outcome outcome = Outcome::kInProgress;
  int days_late = 0;  // done-late: done_on - due_on; not-done: as_of - due_on
};

// An action or milestone due on `due_on`, done on `done_on` (nothing when not done by as-of):
// done on the due date is on time, a day after it is one day late; not done and due before
// as-of is not-done, due on or after as-of is still in progress.
ItemOutcome ClassifyItem(const Date& due_on, const std::optional<Date>& done_on, const Date& as_of);

enum class TargetOutcome { kMet, kMissed, kNoData };
std::string TargetOutcomeName(TargetOutcome outcome);  // met | missed | no-data

struct TargetJudgement {
  TargetOutcome outcome = TargetOutcome::kNoData;
  // Missed only: how far the value fell short, in the measure's unit (positive), and that gap
  // as a share of the change from the baseline the target asked for (nothing when it asked for
  // none).
  std::optional<double> gap;
  std::optional<double> gap_share;
};

// A target judged on `value`, the latest value on or before its horizon's end (nothing when
// there is none: a value dated after the end does not count).
TargetJudgement JudgeTarget(const IndicatorFacts& facts, const std::optional<double>& value);

// Outcomes of a set of actions, weighted by each action's weight, with the percent each had
// reached and the share of its time that had elapsed (its expected percent).
struct Tally {
  int actions = 0, done_on_time = 0, done_late = 0, not_done = 0, in_progress = 0;
  double weight = 0, done_weight = 0, weighted_percent = 0, weighted_elapsed = 0;

  void Add(const ItemOutcome& item, double action_weight, int percent, double elapsed);
  double Percent() const { return weight > 0 ? weighted_percent / weight : 0; }
  double Elapsed() const { return weight > 0 ? weighted_elapsed / weight : 0; }
  double DoneShare() const { return weight > 0 ? 100.0 * done_weight / weight : 0; }
};

// A passed horizon: achieved (every action done on time), achieved-late (every action done),
// partly-achieved (at least kPartlyAchievedShare of the weight done), not-achieved. A horizon
// still ahead: on-pace unless the weighted percent trails the elapsed share of time by more than
// kBehindPacePoints (the action rule), then behind-pace. "no-actions" for an empty tally.
constexpr double kPartlyAchievedShare = 50.0;
std::string Verdict(const Tally& tally, bool passed);

}  // namespace plantrack::domain
