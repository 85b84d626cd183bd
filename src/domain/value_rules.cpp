#include "domain/value_rules.h"

#include <fmt/format.h>

#include <algorithm>

namespace plantrack::domain {

bool IsPercentUnit(std::string_view measure_unit) {
  return measure_unit == "%" || measure_unit.starts_with("% ");
}

std::optional<std::string> CheckValueRange(std::string_view indicator,
                                           std::string_view measure_unit, double value) {
  if (IsPercentUnit(measure_unit) && (value < 0 || value > 100)) {
    return fmt::format("value {} of {} is not a share from 0 to 100 (its unit is {})", value,
                       indicator, measure_unit);
  }
  return std::nullopt;
}

std::optional<std::string> CheckValueDate(std::string_view indicator, const Date& as_of,
                                          const Date& today, int baseline_year,
                                          const Date& far_horizon) {
  if (today < as_of) {
    return fmt::format("as_of {} is in the future (today is {})", FormatIsoDate(as_of),
                       FormatIsoDate(today));
  }
  if (as_of.year() < date::year(baseline_year)) {
    return fmt::format("as_of {} is before {}'s baseline year {}", FormatIsoDate(as_of), indicator,
                       baseline_year);
  }
  if (far_horizon < as_of) {
    return fmt::format("as_of {} is after the plan's far horizon {}", FormatIsoDate(as_of),
                       FormatIsoDate(far_horizon));
  }
  return std::nullopt;
}

std::optional<std::string> CheckNotDuplicate(std::string_view indicator, const Date& as_of,
                                             double value, std::span<const double> live_that_day) {
  if (std::find(live_that_day.begin(), live_that_day.end(), value) != live_that_day.end()) {
    return fmt::format(
        "value {} of {} on {} is already recorded; the same value twice is a "
        "duplicate",
        value, indicator, FormatIsoDate(as_of));
  }
  return std::nullopt;
}

}  // namespace plantrack::domain
