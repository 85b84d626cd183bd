#pragma once
// The evaluation of one horizon (DESIGN.md, "Evaluation"). Once the horizon has passed: each
// of its actions and milestones done on time, done late or not done, each indicator target of
// its years met, missed or without data, rolled up per task area and per lead unit (up the unit
// tree) with a verdict each. While it is ahead, the mid-term view: per area the share of time
// elapsed against the share done, the projected completion, and the targets' pace classes.
// Built from the status report's assessed actions: no second set of progress rules.

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/evaluation.h"
#include "report/assessed.h"
#include "report/indicator_report.h"
#include "report/listing.h"
#include "store/plan_queries.h"

namespace plantrack::report {

struct ActionEvaluation {
  const AssessedAction* item = nullptr;  // points into EvaluationInput::actions
  std::string done_on;                   // "" when not done by as-of
  domain::ItemOutcome outcome;
};

struct MilestoneEvaluation {
  store::MilestoneRow milestone;
  std::string area;
  domain::ItemOutcome outcome;
};

struct IndicatorEvaluation {
  const store::IndicatorRow* indicator = nullptr;
  std::vector<TargetView> targets;  // the targets of the horizon's years
};

// A task area, a unit (its own actions and those of the units below it) or the whole plan.
struct RollUp {
  std::string code, title_en, title_zh;
  std::string kind;  // units: city, county, department, ...
  int depth = 0;     // units: depth in the tree
  domain::Tally tally;
  domain::Tally milestones;               // weight 1 each; percent and elapsed unused
  std::optional<domain::Date> projected;  // ahead: the last projected completion of its actions
  int without_pace = 0;  // ahead: actions not done with no projection (no entry or no pace)
  std::string verdict;
};

struct EvaluationModel {
  domain::Date as_of;
  int horizon = 0;
  domain::Date horizon_end;
  bool passed = false;
  double time_elapsed = 0;  // percent of the time from the plan's issue to the horizon's end
  std::vector<RollUp> areas;
  RollUp total;
  std::vector<RollUp> units;  // tree order, units leading at least one action (or below)
  std::vector<ActionEvaluation> actions;
  std::vector<MilestoneEvaluation> milestones;
  bool indicators_shown = false;  // only without --area and --unit: indicators are plan-wide
  std::vector<IndicatorEvaluation> indicators;
};

struct EvaluationInput {
  domain::Date as_of;
  int horizon = 0;
  int previous_horizon = 0;  // targets of years after it, up to `horizon`, belong to it
  std::optional<domain::Date> issued_on;
  std::vector<store::AreaRow> areas;
  std::vector<store::UnitRow> units;    // tree order
  std::vector<AssessedAction> actions;  // the horizon's actions as of as_of, code order
  std::unordered_map<std::string, std::string> done_dates;  // by action code
  std::vector<store::MilestoneRow> milestones;
  std::vector<store::IndicatorRow> indicators;  // empty with --area or --unit
  bool keep_empty_areas = true;
  bool indicators_shown = true;
};

// The model keeps pointers into `input`, which must outlive it.
EvaluationModel BuildEvaluation(const EvaluationInput& input);

void RenderEvaluation(const EvaluationModel& model, const RenderOptions& options,
                      std::ostream& out);

}  // namespace plantrack::report
