#pragma once
// What an indicator value must satisfy, whether `measure` records it, `import` brings it or a
// packet carries it: a share in per cent lies between 0 and 100, the date is not in the future
// nor before the indicator's baseline year, and the same figure is not recorded twice.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/civil_date.h"

namespace plantrack::domain {

// Whether a measure unit is a share in per cent ("%", "% of GDP"): such values lie in 0-100.
bool IsPercentUnit(std::string_view measure_unit);

// The value against its indicator's unit of measure.
std::optional<std::string> CheckValueRange(std::string_view indicator,
                                           std::string_view measure_unit, double value);

// as_of: not after today, not before the indicator's baseline year, not after the plan's far
// horizon. Values from before the plan was issued are fine: baselines are.
std::optional<std::string> CheckValueDate(std::string_view indicator, const Date& as_of,
                                          const Date& today, int baseline_year,
                                          const Date& far_horizon);

// The same value on the same day for the same indicator, live, is a duplicate: `live_that_day`
// are the indicator's live values dated `as_of`.
std::optional<std::string> CheckNotDuplicate(std::string_view indicator, const Date& as_of,
                                             double value, std::span<const double> live_that_day);

}  // namespace plantrack::domain
