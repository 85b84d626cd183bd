// Builds the evaluation model: outcomes per action, milestone and target, and the roll-ups.

#include "report/evaluation_report.h"
#include "report/unit_tree.h"

namespace plantrack::report {
namespace {

// Adds one action to a roll-up: its outcome, and while ahead its projected completion.
void AddAction(RollUp& rollup, const ActionEvaluation& action) {
  const domain::Assessment& a = action.item->assessment;
  rollup.tally.Add(action.outcome, action.item->action.weight, a.percent, a.expected);
  if (a.rag == domain::Rag::kDone) return;
  if (!a.projected || a.never) {
    ++rollup.without_pace;
  } else if (!rollup.projected || *rollup.projected < *a.projected) {
    rollup.projected = a.projected;
  }
}

void AddMilestone(RollUp& rollup, const MilestoneEvaluation& milestone) {
  rollup.milestones.Add(milestone.outcome, 1, 0, 0);
}

std::optional<domain::Date> DateOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return StoredDate(text);
}

}  // namespace

EvaluationModel BuildEvaluation(const EvaluationInput& input) {
  EvaluationModel model;
  model.as_of = input.as_of;
  model.horizon = input.horizon;
  model.horizon_end = domain::HorizonEnd(input.horizon);
  model.passed = domain::HorizonPassed(input.horizon, input.as_of);
  if (input.issued_on) {
    model.time_elapsed = domain::ExpectedPercent(*input.issued_on, model.horizon_end, input.as_of);
  }
  model.total.code = "ALL";
  model.total.title_en = "All task areas";
  model.total.title_zh = "全部任务";

  std::map<std::string, RollUp> by_area;
  std::map<std::string, RollUp> by_unit;
  std::map<std::string, std::string> area_of, lead_of;
  const UnitTree tree(input.units);
  for (const AssessedAction& item : input.actions) {
    // Done means what status means by it (latest entry at 100 %); the date is when it got there.
    std::string done_on;
    if (item.assessment.rag == domain::Rag::kDone) {
      auto found = input.done_dates.find(item.action.code);
      done_on = found != input.done_dates.end() ? found->second : item.action.latest->logged_on;
    }
    ActionEvaluation action{
        &item, done_on,
        domain::ClassifyItem(StoredDate(item.action.due_on), DateOf(done_on), input.as_of)};
    AddAction(by_area[item.action.area], action);
    AddAction(model.total, action);
    if (!item.action.lead.empty()) {
      for (const std::string& unit : tree.SelfAndAncestors(item.action.lead)) {
        AddAction(by_unit[unit], action);
      }
    }
    area_of[item.action.code] = item.action.area;
    lead_of[item.action.code] = item.action.lead;
    model.actions.push_back(std::move(action));
  }
  for (const store::MilestoneRow& row : input.milestones) {
    auto area = area_of.find(row.action);
    if (area == area_of.end()) continue;  // its action is not of this horizon
    MilestoneEvaluation milestone{
        row, area->second,
        domain::ClassifyItem(StoredDate(row.due_on), DateOf(row.done_on), input.as_of)};
    AddMilestone(by_area[milestone.area], milestone);
    AddMilestone(model.total, milestone);
    const std::string& lead = lead_of[row.action];
    if (!lead.empty()) {
      for (const std::string& unit : tree.SelfAndAncestors(lead)) {
        AddMilestone(by_unit[unit], milestone);
      }
    }
    model.milestones.push_back(std::move(milestone));
  }

  for (const store::AreaRow& row : input.areas) {
    auto found = by_area.find(row.code);
    if (found == by_area.end() && !input.keep_empty_areas) continue;
    RollUp area = found == by_area.end() ? RollUp{} : found->second;
    area.code = row.code;
    area.title_en = row.title_en;
    area.title_zh = row.title_zh;
    area.verdict = domain::Verdict(area.tally, model.passed);
    model.areas.push_back(std::move(area));
  }
  model.total.verdict = domain::Verdict(model.total.tally, model.passed);
  for (const store::UnitRow& row : input.units) {
    auto found = by_unit.find(row.slug);
    if (found == by_unit.end()) continue;
    RollUp unit = found->second;
    unit.code = row.slug;
    unit.title_en = row.name_en;
    unit.title_zh = row.name_zh;
    unit.kind = row.kind;
    unit.depth = row.depth;
    unit.verdict = domain::Verdict(unit.tally, model.passed);
    model.units.push_back(std::move(unit));
  }

  model.indicators_shown = input.indicators_shown;
  for (const store::IndicatorRow& row : input.indicators) {
    IndicatorEvaluation indicator{&row, {}};
    for (const store::IndicatorTarget& target : row.targets) {
      if (target.year <= input.previous_horizon || target.year > input.horizon) continue;
      indicator.targets.push_back(ViewTarget(row, target, input.as_of));
    }
    if (!indicator.targets.empty()) model.indicators.push_back(std::move(indicator));
  }
  return model;
}

}  // namespace plantrack::report
