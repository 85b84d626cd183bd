#include "domain/periods.h"

namespace plantrack::domain {

std::optional<PeriodKind> ParsePeriodKind(std::string_view text) {
  if (text == "quarter") return PeriodKind::kQuarter;
  if (text == "year") return PeriodKind::kYear;
  return std::nullopt;
}

std::vector<PeriodEnd> PeriodEnds(const Date& from, const Date& to, PeriodKind kind) {
  std::vector<PeriodEnd> ends;
  if (to < from) return ends;
  // Each period ends on its last day; the one still running when `to` falls inside it is
  // sampled on `to`, so the last row is the status of the as-of date itself.
  auto add = [&](std::string label, const Date& last) {
    const bool partial = to < last;
    ends.push_back({std::move(label), partial ? to : last, partial});
    return !partial && last < to;
  };
  if (kind == PeriodKind::kQuarter) {
    for (Quarter q = QuarterOf(from); add(FormatQuarter(q), LastDay(q)); q = Next(q)) {
    }
  } else {
    for (int year = static_cast<int>(from.year());
         add(std::to_string(year), Date{date::year{year}, date::December, date::day{31}}); ++year) {
    }
  }
  return ends;
}

}  // namespace plantrack::domain
