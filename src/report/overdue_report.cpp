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

OverdueItem MilestoneItem(const store::OpenMilestone& m, std::string_view lead,
                          const domain::Date& as_of, bool zh) {
  const int days = domain::DaysBetween(StoredDate(m.due_on), as_of);
  return {"milestone",
          m.code,
          m.title_en,
          m.title_zh,
          std::string(lead),
          m.area,
          m.horizon,
          m.due_on,
          days,
          0,
          "overdue",
          Phrase(zh, "{} days overdue (action {})", "逾期{}天（行动{}）", days, m.action),
          "red"};
}

bool Listed(const AssessedAction& item) {
  return item.assessment.rag == domain::Rag::kRed || item.assessment.rag == domain::Rag::kAmber;
}

OverdueItem ActionItem(const AssessedAction& item, bool zh) {
  const domain::Assessment& a = item.assessment;
  const store::ActionProgress& action = item.action;
  return {"action",
          action.code,
          action.title_en,
          action.title_zh,
          action.lead,
          action.area,
          action.horizon,
          action.due_on,
          a.days_overdue,
          a.shortfall,
          domain::ReasonName(a.reason),
          Detail(a, zh),
          domain::RagName(a.rag)};
}

// A milestone's lead is its action's; milestones come in due-date order, not action order.
std::unordered_map<std::string_view, std::string_view> LeadsOf(
    const std::vector<AssessedAction>& actions) {
  std::unordered_map<std::string_view, std::string_view> lead_of;
  for (const AssessedAction& item : actions) lead_of[item.action.code] = item.action.lead;
  return lead_of;
}

// Worst first: most days overdue, red before amber, the largest shortfall, actions before
// milestones, then code. Every item has its own (kind, code), so the order is total.
struct Rank {
  int days = 0;
  bool red = false;
  double shortfall = 0;
  bool milestone = false;
  const std::string* code = nullptr;
  const std::string* area = nullptr;
  size_t index = 0;  // in the milestones, or the actions

  bool operator<(const Rank& b) const {
    if (days != b.days) return days > b.days;
    if (red != b.red) return red;
    if (shortfall != b.shortfall) return shortfall > b.shortfall;
    if (milestone != b.milestone) return !milestone;
    return *code < *b.code;
  }
};

// Every listed item's place in that order: the overdue milestones', then the red and amber
// actions'. Items are built only once ranked (sorting tens of thousands of built items moved
// their nine strings about a million times).
std::vector<Rank> RanksOf(const std::vector<AssessedAction>& actions,
                          const std::vector<store::OpenMilestone>& milestones,
                          const domain::Date& as_of) {
  std::vector<Rank> ranks;
  ranks.reserve(milestones.size() + actions.size());
  for (size_t i = 0; i < milestones.size(); ++i) {
    const store::OpenMilestone& m = milestones[i];
    ranks.push_back(
        {domain::DaysBetween(StoredDate(m.due_on), as_of), true, 0, true, &m.code, &m.area, i});
  }
  for (size_t i = 0; i < actions.size(); ++i) {
    const AssessedAction& item = actions[i];
    if (!Listed(item)) continue;
    ranks.push_back({item.assessment.days_overdue, item.assessment.rag == domain::Rag::kRed,
                     item.assessment.shortfall, false, &item.action.code, &item.action.area, i});
  }
  return ranks;
}

// The item a rank names.
class ItemOf {
 public:
  ItemOf(const std::vector<AssessedAction>& actions,
         const std::vector<store::OpenMilestone>& milestones, const domain::Date& as_of, bool zh)
      : actions_(actions),
        milestones_(milestones),
        as_of_(as_of),
        zh_(zh),
        lead_of_(LeadsOf(actions)) {}
  OverdueItem operator()(const Rank& rank) const {
    if (!rank.milestone) return ActionItem(actions_[rank.index], zh_);
    const store::OpenMilestone& m = milestones_[rank.index];
    auto lead = lead_of_.find(m.action);
    return MilestoneItem(m, lead == lead_of_.end() ? "" : lead->second, as_of_, zh_);
  }

 private:
  const std::vector<AssessedAction>& actions_;
  const std::vector<store::OpenMilestone>& milestones_;
  const domain::Date& as_of_;
  bool zh_;
  std::unordered_map<std::string_view, std::string_view> lead_of_;
};

// The first `n` of `ranks` in order, the rest dropped.
void KeepFirst(std::vector<Rank>& ranks, size_t n) {
  const auto end = ranks.begin() + static_cast<std::ptrdiff_t>(std::min(n, ranks.size()));
  std::partial_sort(ranks.begin(), end, ranks.end());
  ranks.erase(end, ranks.end());
}

}  // namespace

std::vector<OverdueItem> BuildOverdue(const std::vector<AssessedAction>& actions,
                                      const std::vector<store::OpenMilestone>& overdue_milestones,
                                      const domain::Date& as_of, const std::set<std::string>& rags,
                                      bool zh) {
  std::vector<Rank> ranks = RanksOf(actions, overdue_milestones, as_of);
  if (!rags.empty()) {
    // A milestone is red; an action listed is red or amber.
    std::erase_if(ranks,
                  [&](const Rank& rank) { return !rags.contains(rank.red ? "red" : "amber"); });
  }
  std::sort(ranks.begin(), ranks.end());
  const ItemOf item_of(actions, overdue_milestones, as_of, zh);
  std::vector<OverdueItem> items;
  items.reserve(ranks.size());
  for (const Rank& rank : ranks) items.push_back(item_of(rank));
  return items;
}

OverdueDigest DigestOverdue(const std::vector<AssessedAction>& actions,
                            const std::vector<store::OpenMilestone>& overdue_milestones,
                            const domain::Date& as_of, bool zh, size_t first, size_t per_area) {
  std::vector<Rank> ranks = RanksOf(actions, overdue_milestones, as_of);
  OverdueDigest digest;
  digest.count = ranks.size();
  std::map<std::string, std::vector<Rank>> red_ranks;
  for (const Rank& rank : ranks) {
    if (rank.red) red_ranks[*rank.area].push_back(rank);
  }
  KeepFirst(ranks, first);
  const ItemOf item_of(actions, overdue_milestones, as_of, zh);
  for (const Rank& rank : ranks) digest.worst.push_back(item_of(rank));
  for (auto& [area, of_area] : red_ranks) {
    digest.red_count_by_area[area] = of_area.size();
    KeepFirst(of_area, per_area);
    std::vector<OverdueItem>& shown = digest.red_by_area[area];
    for (const Rank& rank : of_area) shown.push_back(item_of(rank));
  }
  return digest;
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
