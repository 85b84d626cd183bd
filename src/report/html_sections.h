#pragma once
// The HTML report's sections over time and at a horizon: the trend as a stacked chart of the
// RAG counts, and the evaluation of the last passed horizon (per area, per city, per action and
// per target). They render the models of `trend` and `evaluate` and add no rules.

#include <string>

#include "report/evaluation_report.h"
#include "report/trend_report.h"

namespace plantrack::report {

std::string TrendSection(const TrendModel& trend, const domain::Date& from, const domain::Date& to,
                         bool zh);

std::string EvaluationSection(const EvaluationModel& evaluation, bool zh);

}  // namespace plantrack::report
