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

// How many actions stand at each RAG colour: what status, the HTML report and the audit count
// per area, per city and per unit.
struct RagCounts {
  int done = 0, green = 0, amber = 0, red = 0;
  void Add(domain::Rag rag);
};

// The weighted mean of actions' latest percent, each action counting by its weight: the
// percent complete of an area, a horizon or the plan. 0 while nothing with weight is added.
class WeightedPercent {
 public:
  void Add(const AssessedAction& item) { Add(item.action.weight, item.assessment.percent); }
  void Add(double weight, double percent) {
    weighted_ += weight * percent;
    weights_ += weight;
  }
  double Value() const { return weights_ > 0 ? weighted_ / weights_ : 0; }

 private:
  double weighted_ = 0, weights_ = 0;
};

std::vector<AssessedAction> AssessActions(std::vector<store::ActionProgress> actions,
                                          const domain::Date& as_of);

// Dates in the store are valid by the schema's CHECKs, so this cannot fail on stored values.
domain::Date StoredDate(const std::string& text);

}  // namespace plantrack::report
