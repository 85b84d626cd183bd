#include "domain/value_rules.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {
Date D(const char* text) { return *ParseIsoDate(text); }
}  // namespace

TEST_CASE("value rules: a share in per cent lies in 0-100", "[domain]") {
  struct Case {
    const char* unit;
    double value;
    bool accepted;
  };
  const Case cases[] = {
      {"%", 0, true},       {"%", 100, true},
      {"%", 55.5, true},    {"%", -0.1, false},
      {"%", 100.01, false}, {"% of GDP", 101, false},
      {"km", -5, true},     {"trillion yuan", 1e6, true},
      {"index", 250, true},
  };
  for (const Case& c : cases) {
    INFO(c.value << " " << c.unit);
    CHECK(!CheckValueRange("x", c.unit, c.value).has_value() == c.accepted);
  }
}

TEST_CASE("value rules: dates from the baseline year to today", "[domain]") {
  const Date today = D("2026-11-28"), far = D("2035-12-31");
  CHECK_FALSE(CheckValueDate("gdp", D("2021-01-01"), today, 2021, far));
  CHECK_FALSE(CheckValueDate("gdp", today, today, 2021, far));
  CHECK(CheckValueDate("gdp", D("2020-12-31"), today, 2021, far));
  CHECK(CheckValueDate("gdp", D("2026-11-29"), today, 2021, far));
  CHECK(CheckValueDate("gdp", D("0000-01-01"), today, 2021, far));
}

TEST_CASE("value rules: the same value twice is a duplicate", "[domain]") {
  const std::vector<double> live = {2.21, 2.3};
  CHECK(CheckNotDuplicate("gdp", D("2024-12-31"), 2.21, live));
  CHECK_FALSE(CheckNotDuplicate("gdp", D("2024-12-31"), 2.22, live));
  CHECK_FALSE(CheckNotDuplicate("gdp", D("2024-12-31"), 2.21, {}));
}
