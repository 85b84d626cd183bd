#include "domain/indicator_pace.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {
Date D(const char* text) { return *ParseIsoDate(text); }
}  // namespace

TEST_CASE("pace: years since the baseline count the value's year", "[domain]") {
  CHECK(YearsSinceBaseline(2021, D("2024-12-31")) == Approx(3.0));
  CHECK(YearsSinceBaseline(2021, D("2025-07-02")) == Approx(3.5).epsilon(0.01));
  CHECK(YearsSinceBaseline(2023, D("2024-12-31")) == Approx(1.0));  // leap year, 366 days
}

TEST_CASE("pace: the Open SDG classes, for up and down indicators", "[domain]") {
  struct Case {
    const char* what;
    IndicatorFacts facts;
    double value;
    const char* on;
    Pace pace;
  };
  // GDP from 1.79 (2021) to 2.5 (2025): about 8.7 % a year needed.
  const IndicatorFacts gdp{false, 1.79, 2021, 2.5, 2025};
  // Logistics cost share from 15 % (2021) down to 13 % (2025).
  const IndicatorFacts cost{true, 15.0, 2021, 13.0, 2025};
  const Case cases[] = {
      {"on track", gdp, 2.30, "2024-12-31", Pace::kOnTrack},
      {"target already met", gdp, 2.6, "2024-12-31", Pace::kOnTrack},
      {"needs acceleration", gdp, 2.10, "2024-12-31", Pace::kAccelerationNeeded},
      {"limited progress", gdp, 1.85, "2024-12-31", Pace::kLimitedProgress},
      {"deteriorating", gdp, 1.70, "2024-12-31", Pace::kDeteriorating},
      {"no time has passed", gdp, 1.80, "2021-12-31", Pace::kNoData},
      {"down: falling on pace", cost, 13.5, "2024-12-31", Pace::kOnTrack},
      {"down: falling too slowly", cost, 14.5, "2024-12-31", Pace::kLimitedProgress},
      {"down: rising is deteriorating", cost, 15.5, "2024-12-31", Pace::kDeteriorating},
      {"down: below the target is met", cost, 12.9, "2023-12-31", Pace::kOnTrack},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(PaceName(ClassifyPace(c.facts, c.value, D(c.on))) == PaceName(c.pace));
  }
}

TEST_CASE("pace: ratio boundaries", "[domain]") {
  CHECK(ClassOfRatio(0.95) == Pace::kOnTrack);
  CHECK(ClassOfRatio(0.9499) == Pace::kAccelerationNeeded);
  CHECK(ClassOfRatio(0.6) == Pace::kAccelerationNeeded);
  CHECK(ClassOfRatio(0.0) == Pace::kLimitedProgress);
  CHECK(ClassOfRatio(-0.01) == Pace::kDeteriorating);
}
