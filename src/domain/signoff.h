#pragma once
// Sign-off as in DHIS2's data approval: a unit submits its report for a quarter, its parent (or
// an ancestor, or a coordinator) approves it bottom-up, and an approval locks the quarter for
// the unit's subtree until it is reopened top-down. These are the rules alone: the caller
// brings the unit tree, the latest event per (unit, quarter) and today's date. Each check
// returns nothing when the step is allowed, else a one-line reason naming the units.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"

namespace plantrack::domain {

// The state of a (unit, quarter): the latest event decides; no event is not-submitted.
enum class SignoffState { kNotSubmitted, kSubmitted, kApproved, kReopened };

std::string_view StateName(SignoffState state);  // "not-submitted", "submitted", ...
// The state an event ("submit", "approve", "reopen") leaves; nothing for another word.
std::optional<SignoffState> StateAfter(std::string_view event);
// Worst first: not-submitted, reopened, submitted, approved.
int StateRank(SignoffState state);

// The unit tree by row id, as the rules need it: parent links and who is a coordinator.
class UnitLinks {
 public:
  struct Node {
    std::string slug;
    std::optional<int64_t> parent;
    bool coordinator = false;
  };
  void Add(int64_t id, Node node) { nodes_[id] = std::move(node); }
  const Node* Find(int64_t id) const;
  const std::string& Slug(int64_t id) const;
  // The units above `id`, nearest first (bounded, so a cycle written by hand cannot hang).
  std::vector<int64_t> Ancestors(int64_t id) const;
  // Whether `id` is `ancestor` or below it.
  bool Within(int64_t id, int64_t ancestor) const;

 private:
  std::map<int64_t, Node> nodes_;
};

// A quarter can be submitted once it is over: not the running one, not one in the future.
std::optional<std::string> CheckSubmittable(const Quarter& quarter, const Date& today);

// Submitting over the unit's current state: not while submitted or approved.
std::optional<std::string> CheckResubmit(const std::string& unit, const Quarter& quarter,
                                         SignoffState state);

// An action the submitting unit leads: its dates and whether a live entry is dated in the
// quarter.
struct LeadReport {
  std::string action;
  Date start_on;
  std::optional<Date> done_on;  // first entry at 100 %
  bool reported = false;
};
// The actions expected to report in the quarter (reporting.h's ExpectedIn) without an entry.
std::vector<std::string> MissingReports(const Quarter& quarter,
                                        const std::vector<LeadReport>& leads);

struct ApproveRequest {
  int64_t approver = 0, unit = 0;
  Quarter quarter;
  SignoffState state = SignoffState::kNotSubmitted;  // the unit's
  std::vector<int64_t> unapproved_below;  // units below `unit` leading actions, not approved
};
// Approved by the unit's parent, an ancestor or a coordinator, never by the unit itself; only
// once submitted; only after every leading unit below it is approved.
std::optional<std::string> CheckApprove(const UnitLinks& units, const ApproveRequest& request);

struct ReopenRequest {
  int64_t actor = 0, unit = 0;
  Quarter quarter;
  SignoffState state = SignoffState::kNotSubmitted;  // the unit's
  std::optional<int64_t> approver;                   // who approved, when approved
  bool parent_approved = false;  // the approval of the unit's parent for the quarter stands
};
// Reopened by the approver, a unit above the approver, or a coordinator (a submission not yet
// approved, by anyone who could approve it); never while the parent's approval stands.
std::optional<std::string> CheckReopen(const UnitLinks& units, const ReopenRequest& request);

// A standing approval, as named in a refusal.
struct PeriodLock {
  std::string unit, period, by, recorded_at;
};
// "2026-08-01 is in 2026Q3, approved for zhuzhou by hunan at 2026-10-20T09:00:00Z; ..."
std::string LockedMessage(std::string_view what, std::string_view on, const PeriodLock& lock);

}  // namespace plantrack::domain
