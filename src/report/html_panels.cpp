// The HTML report's city × task area heat map and its indicator panels.

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "report/html_report.h"
#include "report/html_sections.h"
#include "report/indicator_report.h"
#include "report/unit_tree.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

constexpr size_t kMaxHeatRows = 40;

std::string L(bool zh, const char* en, const char* cn) { return zh ? cn : en; }

// A cell shaded by percent complete, with its red and amber actions as marks: the worst colour
// alone painted nearly every cell red, since a city has some late action in most areas.
std::string HeatCellHtml(const HeatCell& cell, bool zh) {
  if (cell.actions == 0) return R"(<td class="none">–</td>)";
  const double percent = cell.percent.Value();
  std::string marks;
  if (cell.red > 0) marks += fmt::format(R"( <i class="mark red">{}</i>)", cell.red);
  if (cell.amber > 0) marks += fmt::format(R"( <i class="mark amber">{}</i>)", cell.amber);
  return fmt::format(
      R"html(<td style="background:rgba(41,128,185,{:.2f})" title="{}">{:.0f}%{}</td>)html",
      0.08 + 0.5 * std::clamp(percent, 0.0, 100.0) / 100.0,
      Phrase(zh, "{} actions: {} red, {} amber, {} green, {} done",
             "{}项行动：红{}，黄{}，绿{}，完成{}", cell.actions, cell.red, cell.amber, cell.green,
             cell.done),
      percent, marks);
}

}  // namespace

std::vector<HeatRow> BuildHeatMap(const std::vector<store::UnitRow>& units,
                                  const std::vector<store::ResponsibilityRow>& responsibilities,
                                  const std::vector<AssessedAction>& actions) {
  const UnitTree tree(units);
  std::unordered_map<std::string, const AssessedAction*> action_of;  // only looked up
  for (const auto& item : actions) action_of[item.action.code] = &item;
  std::vector<HeatRow> rows;
  std::unordered_map<std::string, size_t> row_of;  // city slug -> index in rows
  for (const store::UnitRow& unit : units) {
    if (unit.kind != "city") continue;
    row_of[unit.slug] = rows.size();
    rows.push_back({unit.slug, unit.name_en, unit.name_zh, {}});
  }
  // One walk over the responsibilities, each counted for every city at or above its unit
  // (a walk per city cost 14 cities times 20,000 responsibilities in a province); per city
  // in the responsibilities' order, as before, so that the percents add up the same.
  std::vector<std::unordered_set<const AssessedAction*>> counted(rows.size());
  for (const auto& r : responsibilities) {
    auto found = action_of.find(r.action);
    if (found == action_of.end()) continue;
    for (const std::string& at : tree.SelfAndAncestors(r.unit)) {
      auto city = row_of.find(at);
      if (city == row_of.end() || !counted[city->second].insert(found->second).second) continue;
      HeatCell& cell = rows[city->second].cells[r.area];
      ++cell.actions;
      cell.Add(found->second->assessment.rag);
      cell.percent.Add(*found->second);
    }
  }
  return rows;
}

std::string HeatMapSection(const std::vector<HeatRow>& heat, const std::vector<AreaStatus>& areas,
                           bool zh) {
  std::string html =
      fmt::format(R"(<h2>{}</h2><table class="heat"><tr><th>{}</th>)",
                  L(zh, "Cities by task area", "城市 × 任务领域"), L(zh, "City", "城市"));
  for (const AreaStatus& area : areas) html += "<th>" + HtmlEscape(area.code) + "</th>";
  html += "</tr>";
  for (const HeatRow& row : First(heat, kMaxHeatRows)) {
    html += "<tr><th>" + HtmlEscape(TitleIn(zh, row.name_en, row.name_zh)) + "</th>";
    for (const AreaStatus& area : areas) {
      auto found = row.cells.find(area.code);
      html += HeatCellHtml(found == row.cells.end() ? HeatCell{} : found->second, zh);
    }
    html += "</tr>";
  }
  html += "</table>" + MoreLine(zh, kMaxHeatRows, heat.size(), "audit");
  return html +
         fmt::format(
             "<p>{}</p>",
             L(zh,
               "Each cell: weighted percent complete of the city's actions in the area "
               "(darker is further along); marks count its red and amber actions.",
               "每格：该城市在该领域行动的加权完成度（颜色越深进展越大）；标记为红、黄行动数。"));
}

std::string IndicatorSection(const std::vector<IndicatorPanel>& panels, const domain::Date& as_of,
                             bool zh) {
  std::string html = fmt::format(R"(<h2>{}</h2><div class="panels">)", L(zh, "Indicators", "指标"));
  const domain::Date to{date::year{2035}, date::December, date::day{31}};
  for (const IndicatorPanel& panel : First(panels, kMaxIndicatorPanels)) {
    const store::IndicatorRow& row = panel.indicator;
    Series values{row.code, "#2c3e50", {}};
    const domain::Date baseline{date::year{row.baseline_year}, date::December, date::day{31}};
    values.points.emplace_back(baseline, row.baseline_value);
    for (const auto& point : panel.values)
      values.points.emplace_back(StoredDate(point.on), point.value);
    std::vector<TargetLine> targets;
    std::string verdicts;
    for (const auto& target : row.targets) {
      targets.push_back({target.year, target.value});
      const TargetView view = ViewTarget(row, target, as_of);
      verdicts += fmt::format(R"(<br>{} {}: <span class="nb">{}</span>)", target.year,
                              L(zh, "target", "目标"), HtmlEscape(WordIn(zh, view.Assessment())));
    }
    html += fmt::format(R"(<div class="panel"><b>{}</b> ({}, {})<br>{}{}{}</div>)",
                        HtmlEscape(TitleIn(zh, row.name_en, row.name_zh)),
                        HtmlEscape(WordIn(zh, row.measure_unit)), HtmlEscape(WordIn(zh, row.scope)),
                        IndicatorChart(values, targets, std::min(baseline, as_of), to),
                        row.latest_value
                            ? fmt::format("{} {} ({})", L(zh, "latest", "最新"),
                                          HumanNumber(*row.latest_value), HtmlEscape(row.latest_on))
                            : L(zh, "no value yet", "暂无数据"),
                        verdicts);
  }
  return html + "</div>" + MoreLine(zh, kMaxIndicatorPanels, panels.size(), "indicators");
}

}  // namespace plantrack::report
