#include "report/overdue_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "report/text_width.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

std::string Detail(const domain::Assessment& a, bool zh) {
  switch (a.reason) {
    case domain::Reason::kOverdue:
      return Phrase(zh, "{} days overdue at {}%", "逾期{}天，完成{}%", a.days_overdue, a.percent);
    case domain::Reason::kBehindPace:
      return Phrase(zh, "{} points behind ({}% of {:.0f}% expected)",
                    "落后{}个百分点（完成{}%，应达{:.0f}%）",
                    static_cast<int>(std::round(a.shortfall)), a.percent, a.expected);
    case domain::Reason::kProjectedLate:
      return a.never || !a.projected
                 ? Phrase(zh, "never at this pace", "按当前进度无法完成")
                 : Phrase(zh, "projected {}", "预计{}完成", domain::FormatIsoDate(*a.projected));
    case domain::Reason::kBlocked:
    case domain::Reason::kDelayed:
      return Phrase(zh, "at {}%", "完成{}%", a.percent);
    case domain::Reason::kNone:
      break;
  }
  return "";
}

}  // namespace

std::vector<OverdueItem> BuildOverdue(const std::vector<AssessedAction>& actions,
                                      const std::vector<store::OpenMilestone>& overdue_milestones,
                                      const domain::Date& as_of, const std::set<std::string>& rags,
                                      bool zh) {
  std::vector<OverdueItem> items;
  // At most one item per milestone and per action, reserved at once: growing by doubling held
  // both the old and the new array of a province's tens of thousands of items.
  items.reserve(overdue_milestones.size() + actions.size());
  // A milestone's lead is its action's; milestones come in due-date order, not action order.
  std::unordered_map<std::string_view, std::string_view> lead_of;
  for (const AssessedAction& item : actions) lead_of[item.action.code] = item.action.lead;
  for (const store::OpenMilestone& m : overdue_milestones) {
    const int days = domain::DaysBetween(StoredDate(m.due_on), as_of);
    items.push_back(
        {"milestone", m.code, m.title_en, m.title_zh, std::string(lead_of[m.action]), m.area,
         m.horizon, m.due_on, days, 0, "overdue",
         Phrase(zh, "{} days overdue (action {})", "逾期{}天（行动{}）", days, m.action), "red"});
  }
  for (const AssessedAction& item : actions) {
    const domain::Assessment& a = item.assessment;
    if (a.rag != domain::Rag::kRed && a.rag != domain::Rag::kAmber) continue;
    const store::ActionProgress& action = item.action;
    items.push_back({"action", action.code, action.title_en, action.title_zh, action.lead,
                     action.area, action.horizon, action.due_on, a.days_overdue, a.shortfall,
                     domain::ReasonName(a.reason), Detail(a, zh), domain::RagName(a.rag)});
  }
  if (!rags.empty()) {
    std::erase_if(items, [&](const OverdueItem& item) { return !rags.contains(item.rag); });
  }
  std::sort(items.begin(), items.end(), [](const OverdueItem& a, const OverdueItem& b) {
    if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
    if (a.rag != b.rag) return a.rag == "red";
    if (a.shortfall != b.shortfall) return a.shortfall > b.shortfall;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.code < b.code;
  });
  return items;
}

void RenderOverdue(const std::vector<OverdueItem>& items, const domain::Date& as_of,
                   const RenderOptions& options, std::ostream& out) {
  const bool people = options.format == Format::kTable;
  if (options.format == Format::kJson) {
    // Streamed item by item and written field by field: a province-sized file has tens of
    // thousands of items, and a JSON object per item would cost more than the query.
    out << "{\n  \"as_of\": \"" << domain::FormatIsoDate(as_of) << "\",\n  \"items\": [";
    bool first = true;
    for (const OverdueItem& item : items) {
      out << (first ? "\n    " : ",\n    ")
          << fmt::format(R"({{"kind":{},"code":{},"title":{},"lead":{},"horizon":{},"due_on":{},)"
                         R"("days_overdue":{},"reason":{},"detail":{},"rag":{}}})",
                         JsonString(item.kind), JsonString(item.code),
                         JsonString(TitleIn(options.zh, item.title_en, item.title_zh)),
                         JsonString(item.lead), item.horizon, JsonString(item.due_on),
                         item.days_overdue, JsonString(item.reason), JsonString(item.detail),
                         JsonString(item.rag));
      first = false;
    }
    out << (first ? "]\n}\n" : "\n  ]\n}\n");
    return;
  }
  Listing listing{{{"kind", "KIND"},
                   {"code", "CODE"},
                   {"title", "TITLE"},
                   {"lead", "LEAD"},
                   {"horizon", "HORIZON", true},
                   {"due_on", "DUE"},
                   {"days_overdue", "DAYS", true},
                   {"reason", "REASON"},
                   {"detail", "DETAIL"},
                   {"rag", "RAG", false, "rag"}},
                  {}};
  for (const OverdueItem& item : items) {
    const std::string& title = TitleIn(options.zh, item.title_en, item.title_zh);
    listing.rows.push_back({item.kind, item.code, people ? Truncate(title, 40) : title,
                            item.lead.empty() ? Cell{} : Cell{item.lead}, int64_t{item.horizon},
                            item.due_on, int64_t{item.days_overdue}, item.reason, item.detail,
                            item.rag});
  }
  if (options.format == Format::kMarkdown) {
    out << "## "
        << Phrase(options.zh, "Overdue and at risk as of {}", "截至{}逾期和有风险的事项",
                  domain::FormatIsoDate(as_of))
        << "\n\n";
  }
  Render(listing, options, out);
  if (people) {
    out << '\n'
        << Phrase(options.zh, "{} item{} overdue or at risk as of {}", "截至{2}共{0}项逾期或有风险",
                  items.size(), items.size() == 1 ? "" : "s", domain::FormatIsoDate(as_of))
        << '\n';
  }
}

}  // namespace plantrack::report
