#pragma once
// Reporting rates in the DHIS2 sense, per lead unit and quarter: how many reports were
// expected (active actions it leads), how many came (a live entry dated in the quarter), and
// how many came on time (recorded no later than 15 days after the quarter's end).

#include <optional>
#include <string>
#include <vector>

#include "domain/civil_date.h"

namespace plantrack::domain {

constexpr int kReportGraceDays = 15;

// The last day a report on `quarter` counts as on time.
Date ReportDeadline(const Quarter& quarter);

// Why `quarter` cannot be rated as of `as_of` for a plan issued on `issued_on`: it has not
// begun, or it is still running (as_of on or before its last day: every unit would show 0 %),
// or it ended before the plan was issued (nothing could be expected). Nothing when it can be.
std::optional<std::string> CheckRatedQuarter(const Quarter& quarter, const Date& as_of,
                                             const Date& issued_on);

// An action is expected to report in a quarter when it started on or before the quarter's end
// and was not done before the quarter's start.
bool ExpectedIn(const Quarter& quarter, const Date& start_on, const std::optional<Date>& done_on);

// One live entry: the day it is about and the day it was recorded.
struct Report {
  Date logged_on;
  Date recorded_on;
};

// One (action, lead unit) pair: the action's dates and the lead's entries on it.
struct ReportingPair {
  Date start_on;
  std::optional<Date> done_on;  // first entry at 100 %, if any
  std::vector<Report> reports;
};

struct QuarterRate {
  int expected = 0;
  int actual = 0;
  int on_time = 0;
  std::optional<int> days_late;  // of the latest late report, when one was late

  // Shares of `expected`; nothing when nothing was expected (n/a, neither 0 % nor 100 %).
  std::optional<double> Completeness() const;
  std::optional<double> Timeliness() const;
};

QuarterRate RateQuarter(const Quarter& quarter, const std::vector<ReportingPair>& pairs);

}  // namespace plantrack::domain
