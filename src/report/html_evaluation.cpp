#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "report/html_sections.h"
#include "report/svg_charts.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

// A province-sized plan has thousands of actions: the page shows the worst 50 outcomes and
// says how many more `evaluate` prints.
constexpr size_t kMaxOutcomes = 50;

std::string L(bool zh, const char* en, const char* cn) { return zh ? cn : en; }

std::string T(bool zh, const std::string& en, const std::string& cn) {
  return HtmlEscape(TitleIn(zh, en, cn));
}

// The class of the RAG badge an outcome is shown in.
const char* OutcomeClass(const std::string& outcome) {
  if (outcome == "done-on-time" || outcome == "met" || outcome == "achieved") return "done";
  if (outcome == "done-late" || outcome == "achieved-late" || outcome == "partly-achieved")
    return "amber";
  if (outcome == "not-done" || outcome == "missed" || outcome == "not-achieved") return "red";
  return "none";
}

std::string Badge(const std::string& outcome, bool zh) {
  return fmt::format(R"(<span class="rag {}">{}</span>)", OutcomeClass(outcome),
                     HtmlEscape(WordIn(zh, outcome)));
}

std::string RollUpRows(const std::vector<const RollUp*>& rows, bool zh) {
  std::string html;
  for (const RollUp* r : rows) {
    const domain::Tally& t = r->tally;
    html +=
        fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td>)"
                    R"(<td class="num">{}</td><td class="num">{}</td><td class="num">{:.1f}%</td>)"
                    R"(<td>{}</td></tr>)",
                    HtmlEscape(r->code), T(zh, r->title_en, r->title_zh), t.actions, t.done_on_time,
                    t.done_late, t.not_done, t.Percent(), Badge(r->verdict, zh));
  }
  return html;
}

std::string RollUpTable(const std::vector<const RollUp*>& rows, bool zh, const char* first) {
  return fmt::format(
             "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
             "<th>{}</th><th>{}</th></tr>",
             first, L(zh, "Name", "名称"), L(zh, "Actions", "行动"), L(zh, "On time", "按时完成"),
             L(zh, "Late", "逾期完成"), L(zh, "Not done", "未完成"), L(zh, "Percent", "完成度"),
             L(zh, "Verdict", "评价")) +
         RollUpRows(rows, zh) + "</table>";
}

std::string ActionTable(const EvaluationModel& e, bool zh) {
  // Worst first: not done (longest overdue first), then late (latest first), then on time.
  std::vector<const ActionEvaluation*> actions;
  for (const ActionEvaluation& a : e.actions) actions.push_back(&a);
  auto rank = [](const ActionEvaluation* a) {
    const int order = a->outcome.outcome == domain::Outcome::kNotDone    ? 0
                      : a->outcome.outcome == domain::Outcome::kDoneLate ? 1
                                                                         : 2;
    return std::make_tuple(order, -a->outcome.days_late, a->item->action.code);
  };
  std::stable_sort(actions.begin(), actions.end(),
                   [&](const auto* a, const auto* b) { return rank(a) < rank(b); });
  std::string html = fmt::format(
      "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th></tr>",
      L(zh, "Code", "编号"), L(zh, "Title", "名称"), L(zh, "Lead", "牵头"), L(zh, "Due", "期限"),
      L(zh, "Outcome", "结果"), L(zh, "Days late", "逾期天数"), L(zh, "Percent", "完成度"));
  for (size_t i = 0; i < actions.size() && i < kMaxOutcomes; ++i) {
    const ActionEvaluation& a = *actions[i];
    const auto& action = a.item->action;
    html += fmt::format(
        R"(<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td>)"
        R"(<td class="num">{}%</td></tr>)",
        HtmlEscape(action.code), T(zh, action.title_en, action.title_zh), HtmlEscape(action.lead),
        HtmlEscape(action.due_on), Badge(domain::OutcomeName(a.outcome.outcome), zh),
        a.outcome.days_late ? std::to_string(a.outcome.days_late) : "", a.item->assessment.percent);
  }
  return html + "</table>" +
         MoreLine(zh, std::min(actions.size(), kMaxOutcomes), actions.size(), "evaluate");
}

std::string TargetTable(const EvaluationModel& e, bool zh) {
  // Worst first: missed (the largest share of the change asked for still missing first), then
  // no data, then met.
  std::vector<std::pair<const store::IndicatorRow*, const TargetView*>> targets;
  for (const IndicatorEvaluation& indicator : e.indicators) {
    for (const TargetView& t : indicator.targets) targets.emplace_back(indicator.indicator, &t);
  }
  auto rank = [](const auto& item) {
    const TargetView& t = *item.second;
    const int order = t.Assessment() == "missed" ? 0 : t.Assessment() == "met" ? 2 : 1;
    return std::make_tuple(order, -t.judgement.gap_share.value_or(0), item.first->code, t.year);
  };
  std::stable_sort(targets.begin(), targets.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  std::string html = fmt::format(
      "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
      L(zh, "Indicator", "指标"), L(zh, "Year", "年份"), L(zh, "Target", "目标值"),
      L(zh, "Value at the year's end", "年末值"), L(zh, "Outcome", "结果"), L(zh, "Gap", "差距"));
  for (size_t i = 0; i < targets.size() && i < kMaxOutcomes; ++i) {
    const store::IndicatorRow& row = *targets[i].first;
    const TargetView& t = *targets[i].second;
    std::string gap;
    if (t.judgement.gap) {
      gap = NumberText(*t.judgement.gap);
      if (t.judgement.gap_share) gap += fmt::format(" ({:.0f}%)", 100 * *t.judgement.gap_share);
    }
    html += fmt::format(
        R"(<tr><td>{} ({})</td><td class="num">{}</td><td class="num">{}</td>)"
        R"(<td class="num">{}</td><td>{}</td><td class="num">{}</td></tr>)",
        T(zh, row.name_en, row.name_zh), HtmlEscape(WordIn(zh, row.measure_unit)), t.year,
        NumberText(t.value),
        t.judged_value ? fmt::format("{} ({})", NumberText(*t.judged_value), t.judged_on) : "",
        Badge(t.Assessment(), zh), gap);
  }
  return html + "</table>" +
         MoreLine(zh, std::min(targets.size(), kMaxOutcomes), targets.size(), "evaluate");
}

}  // namespace

std::string TrendSection(const TrendModel& trend, const domain::Date& from, const domain::Date& to,
                         bool zh) {
  std::vector<domain::Date> days;
  std::vector<Layer> layers{{L(zh, "done", "完成"), "#2980b9", {}},
                            {L(zh, "green", "绿"), "#27ae60", {}},
                            {L(zh, "amber", "黄"), "#f39c12", {}},
                            {L(zh, "red", "红"), "#e74c3c", {}}};
  for (const TrendRow& row : trend.rows) {
    days.push_back(row.on);
    layers[0].values.push_back(row.done);
    layers[1].values.push_back(row.green);
    layers[2].values.push_back(row.amber);
    layers[3].values.push_back(row.red);
  }
  return fmt::format("<h2>{}</h2>{}<p>{}</p>",
                     L(zh, "Actions by status at each quarter's end", "各季度末行动状态"),
                     StackedChart(days, layers, from, to),
                     L(zh, "As the status stood on each day (plantrack trend).",
                       "按各日当时的状态统计（plantrack trend）。"));
}

std::string EvaluationSection(const EvaluationModel& e, bool zh) {
  std::string html = fmt::format(
      "<h2>{}</h2><p>{} {}</p>",
      Phrase(zh, "Evaluation of the {} horizon (ended {})", "{}年目标总结评估（{}到期）", e.horizon,
             domain::FormatIsoDate(e.horizon_end)),
      L(zh, "Overall:", "总体："), Badge(e.total.verdict, zh));
  std::vector<const RollUp*> areas;
  for (const RollUp& r : e.areas) areas.push_back(&r);
  areas.push_back(&e.total);
  html += fmt::format("<h3>{}</h3>", L(zh, "By task area", "按任务领域")) +
          RollUpTable(areas, zh, L(zh, "Area", "领域").c_str());
  std::vector<const RollUp*> cities;
  for (const RollUp& r : e.units) {
    if (r.kind == "city") cities.push_back(&r);
  }
  if (!cities.empty()) {
    html += fmt::format("<h3>{}</h3>", L(zh, "By city (with its counties and districts)",
                                         "按城市（含所辖县市区）")) +
            RollUpTable(cities, zh, L(zh, "City", "城市").c_str());
  }
  html +=
      fmt::format("<h3>{}</h3>", L(zh, "Outcome per action", "各行动结果")) + ActionTable(e, zh);
  if (!e.indicators.empty()) {
    html += fmt::format("<h3>{}</h3>", L(zh, "Indicator targets", "指标目标")) + TargetTable(e, zh);
  }
  return html;
}

}  // namespace plantrack::report
