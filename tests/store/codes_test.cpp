// Codes resolved as people type them: exact, case and width folded, a unit's names, and the
// refusals (unknown with a suggestion, ambiguous naming both).

#include "store/codes.h"

#include <catch2/catch.hpp>

#include "store/identity.h"
#include "store/plan_store.h"
#include "store/progress_store.h"
#include "test_support.h"

using plantrack::ExitCode;
using plantrack::store::CodeKind;
using plantrack::store::ResolveCode;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;

namespace {

constexpr const char* kNames = R"sql(
  INSERT INTO unit (id, slug, name_en, name_zh, kind) VALUES
    (2, 'zhuzhou', 'Zhuzhou City (urban)', '株洲市（市区）', 'city'),
    (3, 'liling', 'Liling', '醴陵市', 'county'),
    (4, 'twin-a', 'Twin', '', 'county'), (5, 'twin-b', 'Twin', '', 'county');
  INSERT INTO milestone (action_id, code, title_en, due_on) VALUES (1, 'T1.01-M2', 'M', '2026-01-01');
  INSERT INTO indicator (code, name_en, measure_unit, direction, baseline_value, baseline_year)
    VALUES ('gdp-total', 'GDP', 'yuan', 'up', 1, 2020);
)sql";

}  // namespace

TEST_CASE("codes: what people type resolves to the stored code", "[store]") {
  auto connection = MemoryStore((std::string(kOneActionPlan) + kNames).c_str());
  struct Case {
    CodeKind kind;
    const char* typed;
    const char* code;
  };
  const Case cases[] = {
      {CodeKind::kAction, "T1.01", "T1.01"},
      {CodeKind::kAction, "t1.01", "T1.01"},
      {CodeKind::kAction, " T1.01 ", "T1.01"},
      {CodeKind::kAction, "\xEF\xBC\xB4\xEF\xBC\x91.\xEF\xBC\x90\xEF\xBC\x91",
       "T1.01"},  // Ｔ１.０１
      {CodeKind::kArea, "t1", "T1"},
      {CodeKind::kMilestone, "t1.01-m2", "T1.01-M2"},
      {CodeKind::kIndicator, "GDP-TOTAL", "gdp-total"},
      {CodeKind::kUnit, "zhuzhou", "zhuzhou"},
      {CodeKind::kUnit, "Zhuzhou", "zhuzhou"},
      {CodeKind::kUnit, "株洲市（市区）", "zhuzhou"},
      {CodeKind::kUnit, "株洲市(市区)", "zhuzhou"},  // ASCII brackets for the full-width ones
      {CodeKind::kUnit, "zhuzhou city (urban)", "zhuzhou"},
      {CodeKind::kUnit, "醴陵市", "liling"},
      {CodeKind::kUnit, "LILING", "liling"},
  };
  for (const Case& c : cases) {
    INFO(plantrack::store::NameOf(c.kind) << " " << c.typed);
    auto code = ResolveCode(connection, c.kind, c.typed);
    REQUIRE(code.ok());
    CHECK(*code == c.code);
  }
}

TEST_CASE("codes: unknown and ambiguous names are refused, naming the value", "[store]") {
  auto connection = MemoryStore((std::string(kOneActionPlan) + kNames).c_str());
  struct Case {
    CodeKind kind;
    const char* typed;
    const char* message;
  };
  const Case cases[] = {
      {CodeKind::kAction, "T1.1", "unknown action 'T1.1' (did you mean T1.01?)"},
      {CodeKind::kAction, "T9.99", "unknown action 'T9.99'"},
      {CodeKind::kAction, "", "unknown action ''"},
      {CodeKind::kUnit, "Twin",
       "unit 'Twin' is ambiguous: it could be twin-a, twin-b (give the slug)"},
      {CodeKind::kUnit, "株洲", "unknown unit '株洲'"},
      {CodeKind::kMilestone, "T1.01", "unknown milestone 'T1.01'"},
  };
  for (const Case& c : cases) {
    INFO(plantrack::store::NameOf(c.kind) << " " << c.typed);
    auto code = ResolveCode(connection, c.kind, c.typed);
    REQUIRE_FALSE(code.ok());
    CHECK(code.status().code() == ExitCode::kBadData);
    CHECK_THAT(code.status().message(), Catch::Contains(c.message));
  }
}

TEST_CASE("codes: every Find goes through the same resolution", "[store]") {
  auto connection = MemoryStore((std::string(kOneActionPlan) + kNames).c_str());
  auto unit = plantrack::store::FindUnit(connection, "株洲市（市区）");
  REQUIRE(unit);
  CHECK(unit->slug == "zhuzhou");
  auto action = plantrack::store::FindAction(connection, "t1.01");
  REQUIRE(action);
  CHECK(action->code == "T1.01");
  auto milestone = plantrack::store::FindMilestone(connection, "t1.01-m2");
  REQUIRE(milestone);
  CHECK(milestone->code == "T1.01-M2");
  CHECK(plantrack::store::FindAreaId(connection, "t1") == 1);
  CHECK(plantrack::store::FindIndicatorId(connection, "Gdp-Total"));
  CHECK_FALSE(plantrack::store::FindUnit(connection, "Twin"));
}
