#pragma once
// Actions from the store joined with their domain assessment as of a date: the common input of
// the status, overdue and audit reports.

#include <vector>

#include "domain/civil_date.h"
#include "domain/progress_rules.h"
#include "store/status_queries.h"

namespace plantrack::report {

struct AssessedAction {
  store::ActionProgress action;
  domain::Assessment assessment;
};

std::vector<AssessedAction> AssessActions(std::vector<store::ActionProgress> actions,
                                          const domain::Date& as_of);

// Dates in the store are valid by the schema's CHECKs, so this cannot fail on stored values.
domain::Date StoredDate(const std::string& text);

}  // namespace plantrack::report
