#pragma once
// The HTML report's burn-up: per task area, the weighted percent complete as it stood at each
// period end of the trend (what was done) beside the weighted percent expected by then from each
// action's start and due dates (what the plan asked for). It reads the status and trend models
// and the domain's expected-progress rule; it adds no rule of its own.

#include <vector>

#include "report/assessed.h"
#include "report/status_report.h"
#include "report/svg_charts.h"
#include "report/trend_report.h"

namespace plantrack::report {

struct BurnUp {
  std::vector<Series> actual;    // one per task area, in the status model's order
  std::vector<Series> expected;  // the same areas, from the trend's first day to `until`
};

// `until`: the chart's last day; the expected lines go on past as-of to it, quarter by quarter.
BurnUp BuildBurnUp(const StatusModel& status, const TrendModel& trend,
                   const std::vector<AssessedAction>& actions, const domain::Date& until, bool zh);

// The burn-up's last day: the end of the year after as-of, or the plan's last horizon if that
// comes sooner, so the chart shows the years that have data rather than a decade to come.
domain::Date BurnUpEnd(const domain::Date& as_of, int last_horizon);

}  // namespace plantrack::report
