// Renders the evaluation model: JSON as one object; table, Markdown and CSV as sections (areas,
// units, actions, milestones, indicators), CSV sections separated by a blank line.

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "report/evaluation_report.h"
#include "report/json_stream.h"
#include "report/text_width.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

using Json = nlohmann::ordered_json;

double Rounded(double value) { return std::round(value * 10.0) / 10.0; }

std::string DateText(const std::optional<domain::Date>& day) {
  return day ? domain::FormatIsoDate(*day) : "";
}

Cell PercentCell(double value, bool people) {
  return people ? Cell{fmt::format("{:.1f}%", value)} : Cell{Rounded(value)};
}

Listing RollUpListing(const std::vector<RollUp>& rows, const RollUp* total, bool unit, bool passed,
                      const RenderOptions& options) {
  const bool people = options.format == Format::kTable;
  Listing listing;
  listing.columns = {{unit ? "unit" : "code", unit ? "UNIT" : "AREA"},
                     {"title", "TITLE"},
                     {"actions", "ACTIONS", true}};
  if (passed) {
    listing.columns.insert(listing.columns.end(), {{"done_on_time", "ON TIME", true},
                                                   {"done_late", "LATE", true, "33"},
                                                   {"not_done", "NOT DONE", true, "31"},
                                                   {"percent", "PERCENT", true},
                                                   {"done_share", "DONE SHARE", true},
                                                   {"milestones_on_time", "MS ON TIME", true},
                                                   {"milestones_late", "MS LATE", true},
                                                   {"milestones_not_done", "MS NOT DONE", true}});
  } else {
    listing.columns.insert(listing.columns.end(), {{"done", "DONE", true},
                                                   {"elapsed", "ELAPSED", true},
                                                   {"percent", "PERCENT", true},
                                                   {"projected", "PROJECTED"},
                                                   {"without_pace", "NO PACE", true}});
  }
  listing.columns.push_back({"verdict", "VERDICT"});
  auto add = [&](const RollUp& r) {
    std::string code = r.code;
    if (unit && people) code = std::string(2 * static_cast<size_t>(r.depth), ' ') + code;
    const std::string title = TitleIn(options.zh, r.title_en, r.title_zh);
    std::vector<Cell> row{code, people ? Truncate(title, 30) : title, int64_t{r.tally.actions}};
    const domain::Tally& t = r.tally;
    const domain::Tally& m = r.milestones;
    if (passed) {
      row.insert(row.end(), {int64_t{t.done_on_time}, int64_t{t.done_late}, int64_t{t.not_done},
                             PercentCell(t.Percent(), people), PercentCell(t.DoneShare(), people),
                             int64_t{m.done_on_time}, int64_t{m.done_late}, int64_t{m.not_done}});
    } else {
      row.insert(row.end(), {int64_t{t.done_on_time + t.done_late},
                             PercentCell(t.Elapsed(), people), PercentCell(t.Percent(), people),
                             DateText(r.projected), int64_t{r.without_pace}});
    }
    row.push_back(r.verdict);
    listing.rows.push_back(std::move(row));
  };
  for (const RollUp& r : rows) add(r);
  if (total) add(*total);
  return listing;
}

Listing ActionListing(const EvaluationModel& model, const RenderOptions& options) {
  const bool people = options.format == Format::kTable;
  Listing listing{{{"code", "ACTION"},
                   {"area", "AREA"},
                   {"title", "TITLE"},
                   {"lead", "LEAD"},
                   {"due_on", "DUE"},
                   {"done_on", "DONE ON"},
                   {"outcome", "OUTCOME"},
                   {"days_late", "LATE BY", true},
                   {"percent", "PERCENT", true},
                   {"elapsed", "ELAPSED", true},
                   {"projected", "PROJECTED"}},
                  {}};
  for (const ActionEvaluation& a : model.actions) {
    const auto& action = a.item->action;
    const auto& assessment = a.item->assessment;
    const std::string title = TitleIn(options.zh, action.title_en, action.title_zh);
    listing.rows.push_back(
        {action.code, action.area, people ? Truncate(title, 30) : title, action.lead, action.due_on,
         a.done_on, domain::OutcomeName(a.outcome.outcome),
         a.outcome.days_late ? Cell{int64_t{a.outcome.days_late}} : Cell{},
         int64_t{assessment.percent}, PercentCell(assessment.expected, people),
         assessment.rag == domain::Rag::kDone
             ? std::string()
             : (assessment.never ? std::string("never") : DateText(assessment.projected))});
  }
  return listing;
}

Listing MilestoneListing(const EvaluationModel& model) {
  Listing listing{{{"code", "MILESTONE"},
                   {"action", "ACTION"},
                   {"due_on", "DUE"},
                   {"done_on", "DONE ON"},
                   {"outcome", "OUTCOME"},
                   {"days_late", "LATE BY", true}},
                  {}};
  for (const MilestoneEvaluation& m : model.milestones) {
    listing.rows.push_back({m.milestone.code, m.milestone.action, m.milestone.due_on,
                            m.milestone.done_on, domain::OutcomeName(m.outcome.outcome),
                            m.outcome.days_late ? Cell{int64_t{m.outcome.days_late}} : Cell{}});
  }
  return listing;
}

Listing IndicatorListing(const EvaluationModel& model, const RenderOptions& options) {
  const bool people = options.format == Format::kTable;
  Listing listing{{{"code", "CODE"},
                   {"name", "NAME"},
                   {"unit", "UNIT"},
                   {"year", "YEAR", true},
                   {"target", "TARGET", true},
                   {"value", "VALUE", true},
                   {"on", "ON"},
                   {"outcome", "OUTCOME"},
                   {"gap", "GAP", true},
                   {"gap_share", "GAP SHARE", true}},
                  {}};
  for (const IndicatorEvaluation& indicator : model.indicators) {
    const store::IndicatorRow& row = *indicator.indicator;
    const std::string name = TitleIn(options.zh, row.name_en, row.name_zh);
    for (const TargetView& t : indicator.targets) {
      // Once passed the value judged is the year end's; while ahead, the latest.
      const std::optional<double> value = t.passed ? t.judged_value : row.latest_value;
      const std::string on = t.passed ? t.judged_on : row.latest_on;
      listing.rows.push_back(
          {row.code, people ? Truncate(name, 30) : name, row.measure_unit, int64_t{t.year},
           NumberText(t.value), value ? NumberText(*value) : std::string(), on, t.Assessment(),
           t.judgement.gap ? NumberText(*t.judgement.gap) : std::string(),
           t.judgement.gap_share ? fmt::format("{:.0f}%", 100 * *t.judgement.gap_share)
                                 : std::string()});
    }
  }
  return listing;
}

Json RollUpJson(const RollUp& r, bool unit, bool zh) {
  const domain::Tally& t = r.tally;
  const domain::Tally& m = r.milestones;
  return {{unit ? "unit" : "code", r.code},
          {"title", TitleIn(zh, r.title_en, r.title_zh)},
          {"actions", t.actions},
          {"done_on_time", t.done_on_time},
          {"done_late", t.done_late},
          {"not_done", t.not_done},
          {"in_progress", t.in_progress},
          {"percent", Rounded(t.Percent())},
          {"done_share", Rounded(t.DoneShare())},
          {"elapsed", Rounded(t.Elapsed())},
          {"projected", r.projected ? Json(DateText(r.projected)) : Json(nullptr)},
          {"without_pace", r.without_pace},
          {"milestones",
           {{"done_on_time", m.done_on_time},
            {"done_late", m.done_late},
            {"not_done", m.not_done},
            {"in_progress", m.in_progress}}},
          {"verdict", r.verdict}};
}

// Streamed (report::JsonStream prints what dump(2) of the whole document printed): the actions
// and milestones of a province's horizon built as one document first took half of `evaluate`.
void RenderJson(const EvaluationModel& model, const RenderOptions& options, std::ostream& out) {
  const bool zh = options.zh;
  JsonStream json(out);
  json.Object()
      .Key("as_of")
      .Value(domain::FormatIsoDate(model.as_of))
      .Key("horizon")
      .Value(model.horizon)
      .Key("horizon_end")
      .Value(domain::FormatIsoDate(model.horizon_end))
      .Key("passed")
      .Value(model.passed)
      .Key("time_elapsed")
      .Value(Rounded(model.time_elapsed))
      .Key("areas")
      .Array();
  for (const RollUp& r : model.areas) json.Value(RollUpJson(r, false, zh));
  json.End().Key("total").Value(RollUpJson(model.total, false, zh)).Key("units").Array();
  for (const RollUp& r : model.units) json.Value(RollUpJson(r, true, zh));
  // A date, or null where there is none.
  auto date_or_null = [&](const std::string& date) -> JsonStream& {
    return date.empty() ? json.Value(nullptr) : json.Value(date);
  };
  json.End().Key("actions").Array();
  for (const ActionEvaluation& a : model.actions) {
    const auto& action = a.item->action;
    const auto& s = a.item->assessment;
    json.Object()
        .Key("code")
        .Value(action.code)
        .Key("area")
        .Value(action.area)
        .Key("title")
        .Value(TitleIn(zh, action.title_en, action.title_zh))
        .Key("lead")
        .Value(action.lead)
        .Key("weight")
        .Value(action.weight)
        .Key("due_on")
        .Value(action.due_on)
        .Key("done_on");
    date_or_null(a.done_on)
        .Key("outcome")
        .Value(domain::OutcomeName(a.outcome.outcome))
        .Key("days_late")
        .Value(a.outcome.days_late)
        .Key("percent")
        .Value(s.percent)
        .Key("elapsed")
        .Value(Rounded(s.expected))
        .Key("rag")
        .Value(domain::RagName(s.rag))
        .Key("projected")
        .Value(s.projected && s.rag != domain::Rag::kDone ? Json(DateText(s.projected))
                                                          : Json(nullptr))
        .End();
  }
  json.End().Key("milestones").Array();
  for (const MilestoneEvaluation& m : model.milestones) {
    json.Object()
        .Key("code")
        .Value(m.milestone.code)
        .Key("action")
        .Value(m.milestone.action)
        .Key("area")
        .Value(m.area)
        .Key("due_on")
        .Value(m.milestone.due_on)
        .Key("done_on");
    date_or_null(m.milestone.done_on)
        .Key("outcome")
        .Value(domain::OutcomeName(m.outcome.outcome))
        .Key("days_late")
        .Value(m.outcome.days_late)
        .End();
  }
  json.End().Key("indicators_shown").Value(model.indicators_shown).Key("indicators").Array();
  for (const IndicatorEvaluation& indicator : model.indicators) {
    const store::IndicatorRow& row = *indicator.indicator;
    OpenIndicatorJson(json, row, zh);
    json.Key("targets").Array();
    for (const TargetView& t : indicator.targets) WriteTargetJson(json, t);
    json.End().End();
  }
  json.End().End();
  out << '\n';
}

std::string Heading(const EvaluationModel& model, bool zh) {
  const std::string end = domain::FormatIsoDate(model.horizon_end);
  const std::string as_of = domain::FormatIsoDate(model.as_of);
  if (model.passed) {
    return Phrase(zh, "Evaluation of the {} horizon (ended {}), as of {}: {}",
                  "{}年目标总结评估（{}到期），截至{}：{}", model.horizon, end, as_of,
                  WordIn(zh, model.total.verdict));
  }
  return Phrase(zh,
                "Mid-term view of the {} horizon (ends {}; {:.1f}% of the time since issue), "
                "as of {}: {}",
                "{}年目标中期评估（{}到期；已过规划期的{:.1f}%），截至{}：{}", model.horizon, end,
                model.time_elapsed, as_of, WordIn(zh, model.total.verdict));
}

}  // namespace

void RenderEvaluation(const EvaluationModel& model, const RenderOptions& options,
                      std::ostream& out) {
  if (options.format == Format::kJson) {
    RenderJson(model, options, out);
    return;
  }
  const bool zh = options.zh;
  const bool people = options.format == Format::kTable;
  const bool md = options.format == Format::kMarkdown;
  std::vector<std::pair<std::string, Listing>> sections{
      {Phrase(zh, "Task areas", "任务领域"),
       RollUpListing(model.areas, &model.total, false, model.passed, options)},
      {Phrase(zh, "Lead units (with the units below them)", "牵头单位（含下级）"),
       RollUpListing(model.units, nullptr, true, model.passed, options)},
      {Phrase(zh, "Actions", "行动"), ActionListing(model, options)},
      {Phrase(zh, "Milestones", "节点"), MilestoneListing(model)}};
  if (model.indicators_shown) {
    sections.emplace_back(Phrase(zh, "Indicator targets", "指标目标"),
                          IndicatorListing(model, options));
  }
  if (people || md) out << (md ? "# " : "") << Heading(model, zh) << "\n\n";
  for (size_t i = 0; i < sections.size(); ++i) {
    if (i > 0) out << '\n';
    if (md) out << "## " << sections[i].first << "\n\n";
    if (people) out << sections[i].first << "\n\n";
    Render(sections[i].second, options, out);
  }
  if ((people || md) && !model.indicators_shown) {
    out << '\n'
        << Phrase(zh, "Indicators are plan-wide: shown without --area and --unit.",
                  "指标为全规划口径：不带 --area 和 --unit 时显示。")
        << '\n';
  }
}

}  // namespace plantrack::report
