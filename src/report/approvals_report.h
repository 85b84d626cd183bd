#pragma once
// The sign-off state of each unit for a quarter, worst first (not-submitted, reopened,
// submitted, approved), for `approvals`, the audit and the HTML report. The units listed are
// those expected to sign off: every unit leading an action active in the quarter and every unit
// above one (the tree's root aside, which nobody above approves), and any unit with an event.

#include <optional>
#include <string>
#include <vector>

#include "domain/signoff.h"
#include "report/listing.h"
#include "store/signoff_store.h"

namespace plantrack::report {

struct ApprovalRow {
  std::string unit, period;
  domain::SignoffState state = domain::SignoffState::kNotSubmitted;
  std::string by, recorded_at;  // empty for not-submitted
  bool partial = false;
  std::string note;
};

struct ApprovalsInput {
  domain::UnitLinks units;
  std::vector<int64_t> leading;              // units leading an action active in the quarter
  std::vector<store::ApprovalEvent> events;  // the latest of each unit in the quarter
  std::string period;
  std::optional<int64_t> within;  // only this unit and the units below it
};

std::vector<ApprovalRow> BuildApprovals(const ApprovalsInput& input);

// Columns unit, period, state, by, recorded_at, partial, note.
Listing ApprovalListing(const std::vector<ApprovalRow>& rows);

}  // namespace plantrack::report
