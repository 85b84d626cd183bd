#include "domain/indicator_pace.h"

#include <cmath>

namespace plantrack::domain {
namespace {

// Growth per year from `from` to `to` over `years`: compound when both are positive, else the
// plain linear rate (a compound rate has no meaning across zero).
double AnnualGrowth(double from, double to, double years) {
  if (from > 0 && to > 0) return std::pow(to / from, 1.0 / years) - 1.0;
  return (to - from) / years;
}

}  // namespace

std::string PaceName(Pace pace) {
  switch (pace) {
    case Pace::kOnTrack:
      return "on-track";
    case Pace::kAccelerationNeeded:
      return "acceleration-needed";
    case Pace::kLimitedProgress:
      return "limited-progress";
    case Pace::kDeteriorating:
      return "deteriorating";
    case Pace::kNoData:
      return "no-data";
  }
  return "";
}

double YearsSinceBaseline(int baseline_year, const Date& on) {
  const date::year year = on.year();
  const int day_of_year = DaysBetween(Date{year, date::January, date::day{1}}, on) + 1;
  const int days_in_year = year.is_leap() ? 366 : 365;
  return static_cast<int>(year) - 1 + static_cast<double>(day_of_year) / days_in_year -
         baseline_year;
}

std::optional<double> PaceRatio(const IndicatorFacts& facts, double value, const Date& on) {
  const double years = YearsSinceBaseline(facts.baseline_year, on);
  const double horizon_years = facts.target_year - facts.baseline_year;
  if (years <= 0 || horizon_years <= 0) return std::nullopt;
  auto invert = [&](double x) { return facts.down && x != 0 ? 1.0 / x : x; };
  const double observed = AnnualGrowth(invert(facts.baseline), invert(value), years);
  const double needed = AnnualGrowth(invert(facts.baseline), invert(facts.target), horizon_years);
  if (needed == 0) return std::nullopt;
  return observed / needed;
}

Pace ClassOfRatio(double ratio) {
  if (ratio >= 0.95) return Pace::kOnTrack;
  if (ratio >= 0.6) return Pace::kAccelerationNeeded;
  if (ratio >= 0) return Pace::kLimitedProgress;
  return Pace::kDeteriorating;
}

Pace ClassifyPace(const IndicatorFacts& facts, double value, const Date& on) {
  const bool met = facts.down ? value <= facts.target : value >= facts.target;
  if (met) return Pace::kOnTrack;
  std::optional<double> ratio = PaceRatio(facts, value, on);
  return ratio ? ClassOfRatio(*ratio) : Pace::kNoData;
}

}  // namespace plantrack::domain
