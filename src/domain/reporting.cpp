#include "domain/reporting.h"

#include <fmt/format.h>

namespace plantrack::domain {

Date ReportDeadline(const Quarter& quarter) { return AddDays(LastDay(quarter), kReportGraceDays); }

std::optional<std::string> CheckRatedQuarter(const Quarter& quarter, const Date& as_of,
                                             const Date& issued_on) {
  const std::string name = FormatQuarter(quarter), day = FormatIsoDate(as_of);
  if (as_of < FirstDay(quarter)) {
    return fmt::format("{} is in the future (as of {}): only a quarter that has ended can be rated",
                       name, day);
  }
  if (!(LastDay(quarter) < as_of)) {
    return fmt::format("{} is still running (as of {}, it ends {}): rate it once it has ended",
                       name, day, FormatIsoDate(LastDay(quarter)));
  }
  if (LastDay(quarter) < issued_on) {
    return fmt::format("{} ended before the plan was issued ({}): nothing was due in it", name,
                       FormatIsoDate(issued_on));
  }
  return std::nullopt;
}

bool ExpectedIn(const Quarter& quarter, const Date& start_on, const std::optional<Date>& done_on) {
  const bool started = start_on <= LastDay(quarter);
  const bool done_before = done_on && *done_on < FirstDay(quarter);
  return started && !done_before;
}

std::optional<double> QuarterRate::Completeness() const {
  if (expected == 0) return std::nullopt;
  return 100.0 * actual / expected;
}

std::optional<double> QuarterRate::Timeliness() const {
  if (expected == 0) return std::nullopt;
  return 100.0 * on_time / expected;
}

QuarterRate RateQuarter(const Quarter& quarter, const std::vector<ReportingPair>& pairs) {
  QuarterRate rate;
  const Date first = FirstDay(quarter), last = LastDay(quarter), deadline = ReportDeadline(quarter);
  std::optional<Date> latest_late;
  for (const ReportingPair& pair : pairs) {
    if (!ExpectedIn(quarter, pair.start_on, pair.done_on)) continue;
    ++rate.expected;
    std::optional<Date> earliest;  // the first recording of a report on this quarter
    for (const Report& report : pair.reports) {
      if (report.logged_on < first || last < report.logged_on) continue;
      if (!earliest || report.recorded_on < *earliest) earliest = report.recorded_on;
    }
    if (!earliest) continue;
    ++rate.actual;
    if (*earliest <= deadline) {
      ++rate.on_time;
    } else if (!latest_late || *latest_late < *earliest) {
      latest_late = earliest;
    }
  }
  if (latest_late) rate.days_late = DaysBetween(deadline, *latest_late);
  return rate;
}

}  // namespace plantrack::domain
