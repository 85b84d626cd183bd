#include "domain/evaluation.h"

#include <cmath>
#include <vector>

#include "domain/progress_rules.h"

namespace plantrack::domain {

Date HorizonEnd(int year) { return Date{date::year{year}, date::December, date::day{31}}; }

bool HorizonPassed(int year, const Date& as_of) { return HorizonEnd(year) < as_of; }

int DefaultHorizon(const std::vector<int>& years, const Date& as_of) {
  int chosen = 0;
  for (int year : years) {
    if (HorizonPassed(year, as_of)) chosen = year;
  }
  if (chosen != 0) return chosen;
  for (int year : years) {
    if (!HorizonPassed(year, as_of)) return year;
  }
  return years.empty() ? 0 : years.back();
}

std::string OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kDoneOnTime:
      return "done-on-time";
    case Outcome::kDoneLate:
      return "done-late";
    case Outcome::kNotDone:
      return "not-done";
    case Outcome::kInProgress:
      return "in-progress";
  }
  return "";
}

ItemOutcome ClassifyItem(const Date& due_on, const std::optional<Date>& done_on,
                         const Date& as_of) {
  if (done_on && *done_on <= as_of) {
    const int late = DaysBetween(due_on, *done_on);
    if (late <= 0) return {Outcome::kDoneOnTime, 0};
    return {Outcome::kDoneLate, late};
  }
  // The same line as "overdue": due before as-of and not done by then.
  if (due_on < as_of) return {Outcome::kNotDone, DaysBetween(due_on, as_of)};
  return {Outcome::kInProgress, 0};
}

std::string TargetOutcomeName(TargetOutcome outcome) {
  switch (outcome) {
    case TargetOutcome::kMet:
      return "met";
    case TargetOutcome::kMissed:
      return "missed";
    case TargetOutcome::kNoData:
      return "no-data";
  }
  return "";
}

TargetJudgement JudgeTarget(const IndicatorFacts& facts, const std::optional<double>& value) {
  if (!value) return {};
  const double gap = facts.down ? *value - facts.target : facts.target - *value;
  if (gap <= 0) return {TargetOutcome::kMet, std::nullopt, std::nullopt};
  TargetJudgement judgement{TargetOutcome::kMissed, gap, std::nullopt};
  const double needed = std::abs(facts.target - facts.baseline);
  if (needed > 0) judgement.gap_share = gap / needed;
  return judgement;
}

void Tally::Add(const ItemOutcome& item, double action_weight, int percent, double elapsed) {
  ++actions;
  weight += action_weight;
  weighted_percent += action_weight * percent;
  weighted_elapsed += action_weight * elapsed;
  switch (item.outcome) {
    case Outcome::kDoneOnTime:
      ++done_on_time;
      done_weight += action_weight;
      break;
    case Outcome::kDoneLate:
      ++done_late;
      done_weight += action_weight;
      break;
    case Outcome::kNotDone:
      ++not_done;
      break;
    case Outcome::kInProgress:
      ++in_progress;
      break;
  }
}

std::string Verdict(const Tally& tally, bool passed) {
  if (tally.actions == 0) return "no-actions";
  if (!passed) {
    return tally.Percent() + kBehindPacePoints < tally.Elapsed() ? "behind-pace" : "on-pace";
  }
  if (tally.done_on_time == tally.actions) return "achieved";
  if (tally.done_on_time + tally.done_late == tally.actions) return "achieved-late";
  return tally.DoneShare() >= kPartlyAchievedShare ? "partly-achieved" : "not-achieved";
}

}  // namespace plantrack::domain
