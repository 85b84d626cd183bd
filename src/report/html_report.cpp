#include "report/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "report/burnup.h"
#include "report/html_sections.h"
#include "report/unit_tree.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

constexpr const char* kStyle = R"css(
  body { font-family: "Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC",
         "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
         sans-serif; color: #222; margin: 24px; max-width: 1000px; }
  h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px;
  border-bottom: 2px solid #2c3e50; } h3 { font-size: 14px; margin: 14px 0 4px; }
  table { border-collapse: collapse; width: 100%; font-size: 11px; }
  th, td { border-bottom: 1px solid #ddd; padding: 3px 5px; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; } td.num { text-align: right; }
  .headline { display: flex; gap: 16px; flex-wrap: wrap; }
  .card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; min-width: 150px; }
  .card b { font-size: 20px; display: block; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .bar { background: #e6e6e6; height: 12px; width: 100%; max-width: 360px; border-radius: 3px;
         display: flex; overflow: hidden; }
  .bar span { display: block; height: 100%; }
  .nb { white-space: nowrap; }
  .mark { font-style: normal; padding: 0 3px; border-radius: 2px; font-size: 9px; }
  .rag { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11px; }
  .red { background: #e74c3c; color: #fff; } .amber { background: #f39c12; color: #222; }
  .green { background: #27ae60; color: #fff; } .done { background: #2980b9; color: #fff; }
  .none { background: #f3f3f3; color: #999; }
  .heat td { text-align: center; font-size: 10px; }
  .more { font-size: 11px; color: #555; margin: 4px 0; }
  .panels { display: flex; flex-wrap: wrap; gap: 12px; }
  .panel { border: 1px solid #ddd; padding: 6px; width: 310px; font-size: 11px; }
  section, .panel, tr { page-break-inside: avoid; }
  @page { size: A4; margin: 12mm; }
  @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
)css";

const char* const kAreaColors[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                   "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};

class Page {
 public:
  explicit Page(bool zh) : zh_(zh) {}
  std::string L(const char* en, const char* zh) const { return zh_ ? zh : en; }
  bool zh() const { return zh_; }
  std::string T(const std::string& en, const std::string& zh) const {
    return HtmlEscape(TitleIn(zh_, en, zh));
  }
  // A code as people read it: its word in zh (report/wording.h), else the code.
  std::string W(std::string_view code) const { return HtmlEscape(WordIn(zh_, code)); }
  std::string html;

 private:
  bool zh_;
};

std::string RagBadge(const Page& page, const std::string& rag, int count) {
  return fmt::format(R"(<span class="rag {}">{} {}</span> )", rag, page.W(rag), count);
}

std::string Percent(double value) { return fmt::format("{:.1f}%", value); }

// The area's actions as one bar in RAG colours, done first and red last, each as wide as its
// share: a single green bar of the percent said nothing of how the area stands.
std::string RagBar(const AreaStatus& area) {
  std::string bar = R"(<div class="bar">)";
  const std::pair<const char*, int> parts[] = {
      {"done", area.done}, {"green", area.green}, {"amber", area.amber}, {"red", area.red}};
  for (const auto& [rag, count] : parts) {
    if (count == 0) continue;
    bar += fmt::format(R"(<span class="{}" style="width:{:.1f}%"></span>)", rag,
                       100.0 * count / std::max(1, area.actions));
  }
  return bar + "</div>";
}

bool CodeChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
         c == '-';
}

// Dates and codes ("2025-12-31", "T2.01-M1") kept on one line: browsers break after a hyphen.
// Applied to the text between tags, outside <style> and <svg>, of the finished page: every
// section's dates and codes, in one place.
std::string KeepCodesWhole(const std::string& html) {
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  size_t at = 0;
  while (at < html.size()) {
    if (html[at] == '<') {
      size_t end = html.find('>', at);
      if (end == std::string::npos) end = html.size() - 1;
      // A style sheet or a chart is copied whole: its text is not prose.
      const std::pair<std::string_view, std::string_view> blocks[] = {
          {"<head>", "</head>"}, {"<svg", "</svg>"}, {"<style", "</style>"}};
      for (const auto& [open, close] : blocks) {
        if (html.compare(at, open.size(), open) == 0) {
          end = html.find(close, at);
          end = end == std::string::npos ? html.size() - 1 : end + close.size() - 1;
        }
      }
      out.append(html, at, end + 1 - at);
      at = end + 1;
      continue;
    }
    size_t end = at;
    while (end < html.size() && CodeChar(html[end])) ++end;
    if (end == at) {
      out += html[at++];
      continue;
    }
    const std::string_view word(html.data() + at, end - at);
    const bool hyphen = word.find('-') != std::string_view::npos;
    const bool digit = word.find_first_of("0123456789") != std::string_view::npos;
    if (hyphen && digit) {
      out += R"(<span class="nb">)";
      out += word;
      out += "</span>";
    } else {
      out += word;
    }
    at = end;
  }
  return out;
}

// The worst of each list (the lists come worst first), with a line saying how many more the
// command prints.
constexpr size_t kMaxRows = 50;

void Headline(const HtmlReport& r, Page& page) {
  std::string title = r.plan ? page.T(r.plan->title_en, r.plan->title_zh) : page.L("Plan", "规划");
  page.html += fmt::format(
      "<header><h1>{} — {}</h1><p>{} {}{}</p>", title, page.L("status report", "实施情况报告"),
      page.L("As of", "截至"), domain::FormatIsoDate(r.as_of),
      r.scope.empty() ? "" : fmt::format(" · {} {}", page.L("unit", "单位"), HtmlEscape(r.scope)));
  page.html += R"(<div class="headline">)";
  for (int year : {2025, 2035}) {
    WeightedPercent percent;
    int complete = 0, total = 0;
    for (const AssessedAction& item : r.actions) {
      if (item.action.horizon != year) continue;
      percent.Add(item);
      ++total;
      complete += item.assessment.rag == domain::Rag::kDone;
    }
    page.html += fmt::format(R"(<div class="card">{} {}<b>{}</b>{} {}/{}</div>)", year,
                             page.L("horizon", "目标"), Percent(percent.Value()),
                             page.L("complete", "完成"), complete, total);
  }
  const AreaStatus& t = r.status.total;
  page.html += fmt::format(R"(<div class="card">{}<b>{}</b>{}{}{}{}</div>)",
                           page.L("All actions", "全部行动"), t.actions,
                           RagBadge(page, "red", t.red), RagBadge(page, "amber", t.amber),
                           RagBadge(page, "green", t.green), RagBadge(page, "done", t.done));
  page.html += "</div>";
  for (const HorizonStatus& h : r.status.horizons) {
    page.html += fmt::format("<p>{}</p>", HtmlEscape(HorizonVerdict(h, r.as_of, page.zh())));
  }
  page.html += "</header>";
}

void OverdueRows(std::span<const OverdueItem> items, const Page& page, std::string& html) {
  html += fmt::format(
      "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th></tr>",
      page.L("Code", "编号"), page.L("Title", "名称"), page.L("Lead", "牵头"),
      page.L("Due", "期限"), page.L("Days", "天数"), page.L("Reason", "原因"),
      page.L("RAG", "评级"));
  for (const OverdueItem& item : items) {
    html += fmt::format(R"(<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td>)"
                        R"(<td>{} — {}</td><td><span class="rag {}">{}</span></td></tr>)",
                        HtmlEscape(item.code), page.T(item.title_en, item.title_zh),
                        HtmlEscape(item.lead), HtmlEscape(item.due_on), item.days_overdue,
                        page.W(item.reason), HtmlEscape(item.detail), HtmlEscape(item.rag),
                        page.W(item.rag));
  }
  html += "</table>";
}

void Areas(const HtmlReport& r, Page& page) {
  page.html += fmt::format("<h2>{}</h2>", page.L("Task areas", "任务领域"));
  for (const AreaStatus& area : r.status.areas) {
    page.html += fmt::format("<section><h3>{} {}</h3>{}<p>{} {} · {}{}{}{}· {} {}</p>",
                             HtmlEscape(area.code), page.T(area.title_en, area.title_zh),
                             RagBar(area), Percent(area.percent), page.L("complete", "完成"),
                             RagBadge(page, "red", area.red), RagBadge(page, "amber", area.amber),
                             RagBadge(page, "green", area.green), RagBadge(page, "done", area.done),
                             page.L("overdue milestones", "逾期节点"), area.overdue_milestones);
    auto red = r.overdue.red_count_by_area.find(area.code);
    if (red != r.overdue.red_count_by_area.end()) {
      OverdueRows(r.overdue.red_by_area.at(area.code), page, page.html);
      page.html += MoreLine(page.zh(), kMaxAreaOverdueRows, red->second, "overdue --rag red");
    }
    page.html += "</section>";
  }
}

void Audit(const HtmlReport& r, Page& page) {
  page.html +=
      fmt::format("<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                  page.L("Audit findings", "审计发现"), page.L("Kind", "类型"),
                  page.L("Unit", "单位"), page.L("Code", "编号"), page.L("Detail", "说明"));
  for (const Finding& f : First(r.audit.findings, kMaxRows)) {
    page.html +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", page.W(f.kind),
                    HtmlEscape(f.unit), HtmlEscape(f.action), HtmlEscape(f.detail));
  }
  page.html += "</table>" + MoreLine(page.zh(), kMaxRows, r.audit.findings.size(), "audit");
  page.html += fmt::format(
      "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th><th>{}</th></tr>",
      page.L("Reporting completeness", "报送完整性与及时性"), page.L("Unit", "单位"),
      page.L("Quarter", "季度"), page.L("Expected", "应报"), page.L("Actual", "实报"),
      page.L("On time", "按时"), page.L("Complete", "完整率"), page.L("Timely", "及时率"),
      page.L("Days late", "迟报天数"));
  auto share = [&page](const std::optional<double>& value) {
    return value ? fmt::format("{:.0f}%", *value) : page.L("n/a", "无");
  };
  for (const ReportingRow& row : First(r.audit.reporting, kMaxRows)) {
    page.html +=
        fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td>)"
                    R"(<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>)"
                    R"(<td class="num">{}</td></tr>)",
                    HtmlEscape(row.unit), row.period, row.rate.expected, row.rate.actual,
                    row.rate.on_time, share(row.rate.Completeness()), share(row.rate.Timeliness()),
                    row.rate.days_late ? std::to_string(*row.rate.days_late) : "");
  }
  page.html += "</table>" + MoreLine(page.zh(), kMaxRows, r.audit.reporting.size(), "audit");
}

// Who has signed off the last complete quarter, worst first.
void Approvals(const HtmlReport& r, Page& page) {
  page.html += fmt::format(
      "<h2>{} {}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
      page.L("Sign-off", "审核签发"), HtmlEscape(r.approvals_period), page.L("Unit", "单位"),
      page.L("State", "状态"), page.L("By", "审核单位"), page.L("Recorded", "记录时间"),
      page.L("Note", "说明"));
  for (const ApprovalRow& row : First(r.approvals, kMaxRows)) {
    page.html += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", HtmlEscape(row.unit),
        page.W(domain::StateName(row.state)), HtmlEscape(row.by), HtmlEscape(row.recorded_at),
        HtmlEscape(row.partial ? page.L("partial: ", "部分报送：") + row.note : row.note));
  }
  page.html += "</table>" + MoreLine(page.zh(), kMaxRows, r.approvals.size(), "approvals");
}

}  // namespace

std::string MoreLine(bool zh, size_t shown, size_t total, const char* command) {
  if (shown >= total) return "";
  return Phrase(zh,
                R"(<p class="more">… and {} more: <code>plantrack {}</code> lists them all</p>)",
                R"(<p class="more">……另有{}项，完整列表见 <code>plantrack {}</code></p>)",
                total - shown, command);
}

std::string RenderHtml(const HtmlReport& r) {
  Page page(r.zh);
  page.html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{}</style>"
      "</head><body>\n",
      r.zh ? "zh-CN" : "en", page.L("plantrack status report", "实施情况报告"), kStyle);
  Headline(r, page);
  page.html += fmt::format("<h2>{}</h2>", page.L("Progress over time", "进度趋势"));
  const domain::Date from = r.plan ? StoredDate(r.plan->issued_on)
                                   : domain::Date{date::year{2022}, date::January, date::day{1}};
  std::vector<domain::Date> horizons{{date::year{2025}, date::December, date::day{31}},
                                     {date::year{2035}, date::December, date::day{31}}};
  if (r.plan) horizons = {StoredDate(r.plan->near_horizon), StoredDate(r.plan->far_horizon)};
  const domain::Date to = BurnUpEnd(r.as_of, static_cast<int>(horizons.back().year()));
  BurnUp burnup = BuildBurnUp(r.status, r.trend, r.actions, to, r.zh);
  for (size_t i = 0; i < burnup.actual.size(); ++i) {
    burnup.actual[i].color = burnup.expected[i].color = kAreaColors[i % std::size(kAreaColors)];
  }
  std::vector<Marker> markers;
  for (const domain::Date& horizon : horizons) {
    if (horizon <= to) markers.push_back({horizon, std::to_string(int{horizon.year()})});
  }
  markers.push_back({r.as_of, page.L("as of", "截至")});
  page.html += BurnUpChart(burnup.actual, burnup.expected, page.L("expected", "应达进度"), from, to,
                           markers);
  page.html += TrendSection(r.trend, from, to, r.zh);
  Areas(r, page);
  page.html += HeatMapSection(r.heat, r.status.areas, r.zh);
  if (r.evaluation) page.html += EvaluationSection(*r.evaluation, r.zh);
  page.html += fmt::format("<h2>{}</h2>", page.L("Overdue and at risk", "逾期与风险"));
  OverdueRows(r.overdue.worst, page, page.html);
  page.html += MoreLine(page.zh(), kMaxOverdueRows, r.overdue.count, "overdue");
  Audit(r, page);
  Approvals(r, page);
  page.html += IndicatorSection(r.indicators, r.as_of, r.zh);
  page.html += fmt::format("<footer><p>{} plantrack · {}", page.L("Generated by", "生成工具"),
                           domain::FormatIsoDate(r.as_of));
  if (!r.record.empty()) {
    page.html += fmt::format(" · <span class=\"record\" title=\"{}\">{}</span>", r.record_head,
                             HtmlEscape(r.record));
  }
  page.html += "</p></footer></body></html>\n";
  return KeepCodesWhole(page.html);
}

}  // namespace plantrack::report
