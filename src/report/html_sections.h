#pragma once
// The HTML report's sections over time and at a horizon: the trend as a stacked chart of the
// RAG counts, and the evaluation of the last passed horizon (per area, per city, per action and
// per target). They render the models of `trend` and `evaluate` and add no rules.

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "report/evaluation_report.h"
#include "report/html_report.h"
#include "report/trend_report.h"

namespace plantrack::report {

// The first `count` items of a list that comes worst first: a province-sized plan has tens of
// thousands of rows, and the page shows the worst of each list.
template <typename T>
std::span<const T> First(const std::vector<T>& items, size_t count) {
  return {items.data(), std::min(count, items.size())};
}

// The line under a list cut short, naming the command that prints it all; "" when nothing was
// cut.
std::string MoreLine(bool zh, size_t shown, size_t total, const char* command);

// The cities by task area (percent complete, red and amber marks), and one chart per indicator
// with its targets and their pace or outcome.
std::string HeatMapSection(const std::vector<HeatRow>& heat, const std::vector<AreaStatus>& areas,
                           bool zh);
std::string IndicatorSection(const std::vector<IndicatorPanel>& panels, const domain::Date& as_of,
                             bool zh);

std::string TrendSection(const TrendModel& trend, const domain::Date& from, const domain::Date& to,
                         bool zh);

std::string EvaluationSection(const EvaluationModel& evaluation, bool zh);

}  // namespace plantrack::report
