#include "domain/structure_rules.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {
Date D(const char* text) { return *ParseIsoDate(text); }
}  // namespace

TEST_CASE("structure rules: an action's code is its area's", "[domain]") {
  struct Case {
    const char* code;
    const char* area;
    bool accepted;
  };
  const Case cases[] = {
      {"T2.03", "T2", true},     {"T2.0001", "T2", true}, {"T1.93", "T2", false},
      {"T2.03x", "T2", false},   {"T2.3", "T2", false},   {"T2.", "T2", false},
      {"T2-03", "T2", false},    {"T2.03 ", "T2", false}, {"T22.03", "T2", false},
      {"T2.0\x1b", "T2", false}, {"T12.01", "T12", true}, {"t2.03", "T2", false},
  };
  for (const Case& c : cases) {
    INFO(c.code << " in " << c.area);
    CHECK(!CheckActionCode(c.code, c.area).has_value() == c.accepted);
  }
  auto problem = CheckActionCode("T1.93", "T2");
  REQUIRE(problem);
  CHECK_THAT(*problem, Catch::StartsWith("code T1.93 is not an action code of area T2"));
  // A control character in a code is shown escaped, not printed raw.
  CHECK_THAT(*CheckActionCode("T2.0\x1b", "T2"), Catch::Contains("T2.0\\x1b"));
}

TEST_CASE("structure rules: an action's dates and horizon", "[domain]") {
  struct Case {
    const char* what;
    int horizon;
    const char* start;
    const char* due;
    double weight;
    bool accepted;
  };
  const Case cases[] = {
      {"ordinary", 2025, "2022-04-01", "2025-12-31", 1, true},
      {"one day", 2035, "2030-01-01", "2030-01-01", 1, true},
      {"due the last day of 2035", 2035, "2022-04-01", "2035-12-31", 1, true},
      {"due in 2040 on the 2025 horizon", 2025, "2022-04-01", "2040-06-30", 1, false},
      {"due a day past the horizon", 2025, "2022-04-01", "2026-01-01", 1, false},
      {"due before start", 2035, "2026-01-02", "2026-01-01", 1, false},
      {"horizon 2030", 2030, "2022-04-01", "2025-12-31", 1, false},
      {"weight 0", 2025, "2022-04-01", "2025-12-31", 0, false},
      {"negative weight", 2025, "2022-04-01", "2025-12-31", -1, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(!CheckAction({"T2.09", "T2", c.horizon, D(c.start), D(c.due), c.weight}).has_value() ==
          c.accepted);
  }
  CHECK_THAT(*CheckAction({"T2.09", "T2", 2025, D("2022-04-01"), D("2040-06-30"), 1}),
             Catch::StartsWith("due_on 2040-06-30 of T2.09 is after its horizon"));
}

TEST_CASE("structure rules: milestones, units, indicators and roles", "[domain]") {
  CHECK_FALSE(CheckMilestone({"T2.03-M1", "T2.03"}));
  CHECK_FALSE(CheckMilestone({"T2.03-M12", "T2.03"}));
  CHECK(CheckMilestone({"T2.03-M", "T2.03"}));
  CHECK(CheckMilestone({"T2.03-M1a", "T2.03"}));
  CHECK(CheckMilestone({"T2.04-M1", "T2.03"}));
  CHECK(CheckMilestone({"T2.03M1", "T2.03"}));

  CHECK_FALSE(CheckUnit({"yuhu-district", "district"}));
  CHECK(CheckUnit({"Yuhu", "district"}));
  CHECK(CheckUnit({"1yuhu", "district"}));
  CHECK(CheckUnit({"y", "district"}));
  CHECK(CheckUnit({std::string(41, 'y'), "district"}));
  CHECK(CheckUnit({"yuhu", "village"}));

  CHECK_FALSE(CheckIndicator({"gdp-3c", "up", 2021}));
  CHECK(CheckIndicator({std::string_view("gdp\0", 4), "up", 2021}));
  CHECK(CheckIndicator({"GDP", "up", 2021}));
  CHECK(CheckIndicator({"gdp", "sideways", 2021}));
  CHECK(CheckIndicator({"gdp", "up", 1989}));
  CHECK_FALSE(CheckTargetYear("gdp", 2025, 2021));
  CHECK(CheckTargetYear("gdp", 2021, 2021));

  CHECK_FALSE(CheckRole("lead"));
  CHECK_FALSE(CheckRole("support"));
  CHECK(CheckRole("owner"));
  CHECK(CheckRole(""));
}
