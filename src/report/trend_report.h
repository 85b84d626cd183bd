#pragma once
// The status over time: for each quarter (or year) end from the plan's issue to the as-of date,
// the weighted percent complete and the done/green/amber/red counts as they stood that day.
// Each row is taken from the status model of that day (BuildStatus), so it is what
// `status --as-of DAY` prints in its total row; there is no second set of rules here.

#include <ostream>
#include <string>
#include <vector>

#include "domain/periods.h"
#include "report/listing.h"
#include "report/status_report.h"

namespace plantrack::report {

struct TrendRow {
  std::string period;  // "2024Q3" or "2024"
  domain::Date on;
  bool partial = false;  // the period was still running on the as-of date
  int actions = 0;
  double percent = 0;
  int done = 0, green = 0, amber = 0, red = 0;
  // Weighted percent per task area (code order): the HTML report's burn-up lines.
  std::vector<std::pair<std::string, double>> areas;
};

struct TrendModel {
  domain::Date as_of;
  std::string by;  // "quarter" | "year"
  std::vector<TrendRow> rows;
};

// The row of one period end, from the status as of that day.
TrendRow TrendRowOf(const domain::PeriodEnd& end, const StatusModel& status);

// Eight-level block characters (▁ to █), one per value, scaled from `low` to `high`.
std::string Sparkline(const std::vector<double>& values, double low, double high);

// Table output ends with a sparkline of the percent and of each colour's count.
void RenderTrend(const TrendModel& model, const RenderOptions& options, std::ostream& out);

}  // namespace plantrack::report
