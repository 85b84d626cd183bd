#pragma once
// Who may write what. A unit may write for an action when it, or a unit below it in the tree,
// is lead or support; a coordinator unit may write anywhere. This is accountability in the
// record, not authentication: the file's permissions decide who can open it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/codes.h"  // StoredCode: what FindUnit and FindAction resolve typed codes by
#include "store/connection.h"

namespace plantrack::store {

struct UnitRef {
  int64_t id = 0;
  std::string slug;
  bool coordinator = false;
};
std::optional<UnitRef> FindUnit(Connection& connection, const std::string& slug);

struct ActionRef {
  int64_t id = 0;
  std::string code;
};
std::optional<ActionRef> FindAction(Connection& connection, const std::string& code);

// Whether `unit_id` or a unit below it is lead or support of the action.
bool IsResponsible(Connection& connection, int64_t unit_id, int64_t action_id);

// Whether `unit_id` is `ancestor_id` or a unit below it.
bool IsWithin(Connection& connection, int64_t unit_id, int64_t ancestor_id);

// The lead units' slugs, sorted, for "not responsible (lead: ...)" messages.
std::vector<std::string> LeadSlugs(Connection& connection, int64_t action_id);

struct PlanDates {
  std::string issued_on, far_horizon;
};
// The plan's issue date and far horizon; defaults when the file has no plan row.
PlanDates LoadPlanDates(Connection& connection);

}  // namespace plantrack::store
