#pragma once
// Indicator pace after the Open SDG method: R = observed compound annual growth since the
// baseline / growth needed to reach the target by its horizon. Classes: R >= 0.95 on track,
// 0.6..0.95 acceleration needed, 0..0.6 limited progress, R < 0 deteriorating. For a `down`
// indicator the values are inverted (1/x), so that falling towards the target is growth.

#include <optional>
#include <string>

#include "domain/civil_date.h"

namespace plantrack::domain {

enum class Pace { kOnTrack, kAccelerationNeeded, kLimitedProgress, kDeteriorating, kNoData };
std::string PaceName(Pace pace);  // "on-track", "acceleration-needed", ... "no-data"

struct IndicatorFacts {
  bool down = false;  // direction: a lower value is better
  double baseline = 0;
  int baseline_year = 0;  // the baseline is that year's value
  double target = 0;
  int target_year = 0;  // the horizon: the target is that year's value
};

// Years between the baseline's year and a value measured on `on`: a value of 2024-12-31 is the
// 2024 value, so it sits 3 years after a 2021 baseline; mid-year values count fractionally.
double YearsSinceBaseline(int baseline_year, const Date& on);

// R for a value measured on `on`; nothing when it cannot be computed (no time has passed, or
// the target asks for no change).
std::optional<double> PaceRatio(const IndicatorFacts& facts, double value, const Date& on);

// The class of a value, with the target already met counting as on track.
Pace ClassifyPace(const IndicatorFacts& facts, double value, const Date& on);
Pace ClassOfRatio(double ratio);

}  // namespace plantrack::domain
