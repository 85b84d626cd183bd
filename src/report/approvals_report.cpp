#include "report/approvals_report.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace plantrack::report {

std::vector<ApprovalRow> BuildApprovals(const ApprovalsInput& input) {
  std::set<int64_t> listed;
  for (int64_t unit : input.leading) {
    listed.insert(unit);
    for (int64_t above : input.units.Ancestors(unit)) {
      const domain::UnitLinks::Node* node = input.units.Find(above);
      if (node && node->parent) listed.insert(above);
    }
  }
  std::map<int64_t, const store::ApprovalEvent*> event_of;
  for (const auto& event : input.events) {
    event_of[event.unit_id] = &event;
    listed.insert(event.unit_id);
  }
  std::vector<ApprovalRow> rows;
  for (int64_t unit : listed) {
    if (input.within && !input.units.Within(unit, *input.within)) continue;
    ApprovalRow row;
    row.unit = input.units.Slug(unit);
    row.period = input.period;
    if (auto found = event_of.find(unit); found != event_of.end()) {
      const store::ApprovalEvent& event = *found->second;
      row.state = event.State();
      row.by = event.by;
      row.recorded_at = event.recorded_at;
      row.partial = event.partial;
      row.note = event.note;
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const ApprovalRow& a, const ApprovalRow& b) {
    return std::tuple(domain::StateRank(a.state), a.unit) <
           std::tuple(domain::StateRank(b.state), b.unit);
  });
  return rows;
}

Listing ApprovalListing(const std::vector<ApprovalRow>& rows) {
  Listing listing{{{"unit", "UNIT"},
                   {"period", "PERIOD"},
                   {"state", "STATE"},
                   {"by", "BY"},
                   {"recorded_at", "RECORDED"},
                   {"partial", "PARTIAL"},
                   {"note", "NOTE"}},
                  {}};
  auto text = [](const std::string& value) { return value.empty() ? Cell{} : Cell{value}; };
  for (const ApprovalRow& row : rows) {
    const bool none = row.state == domain::SignoffState::kNotSubmitted;
    listing.rows.push_back({row.unit, row.period, std::string(domain::StateName(row.state)),
                            text(row.by), text(row.recorded_at),
                            none ? Cell{} : Cell{std::string(row.partial ? "yes" : "no")},
                            text(row.note)});
  }
  return listing;
}

}  // namespace plantrack::report
