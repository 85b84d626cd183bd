// The timeline replays the status query: on every day it must give exactly what
// LoadActionProgress gives for that day.

#include "store/progress_timeline.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "small_plan.h"
#include "test_support.h"

using plantrack::store::ActionFilter;
using plantrack::store::ActionProgress;
using plantrack::store::LoadActionProgress;
using plantrack::store::ProgressTimeline;

namespace {

std::string Text(const std::optional<plantrack::store::LogEntry>& entry) {
  return entry ? fmt::format("{}/{}/{}", entry->logged_on, entry->percent, entry->status) : "-";
}

std::vector<std::string> Rows(const std::vector<ActionProgress>& actions) {
  std::vector<std::string> rows;
  for (const auto& a : actions) {
    rows.push_back(fmt::format("{} {} {} {} {} {} {} {} {} first={} latest={}", a.code, a.area,
                               a.title_en, a.title_zh, a.horizon, a.start_on, a.due_on, a.weight,
                               a.lead, Text(a.first), Text(a.latest)));
  }
  return rows;
}

// A point (ProgressTimeline::First, Latest) in the format of Text.
std::string Text(const std::optional<plantrack::domain::LogPoint>& point) {
  return point ? fmt::format("{}/{}/{}", plantrack::domain::FormatIsoDate(point->on),
                             point->percent, point->status)
               : "-";
}

// Same-day entries (the later id wins), an entry on a sampled day itself, and one after it.
constexpr const char* kTies = R"sql(
  INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) VALUES
    (5, 2, '2024-03-31', '2024-04-01T00:00:00Z', 10, 'on-track'),
    (5, 2, '2024-03-31', '2024-04-01T00:00:01Z', 12, 'at-risk'),
    (5, 2, '2024-04-01', '2024-04-02T00:00:00Z', 15, 'on-track');
)sql";

void RequireSameAsStatus(plantrack::store::Connection& db, const ActionFilter& filter,
                         const std::vector<std::string>& days) {
  const auto timeline = ProgressTimeline::Load(db, filter, days);
  for (size_t i = 0; i < days.size(); ++i) {
    INFO(days[i]);
    const auto on = timeline.On(i);
    CHECK(Rows(on) == Rows(LoadActionProgress(db, filter, days[i])));
    // The points a replay reads without copying the actions are On's entries.
    REQUIRE(timeline.actions().size() == on.size());
    for (size_t action = 0; action < on.size(); ++action) {
      CHECK(Text(timeline.First(action, i)) == Text(on[action].first));
      CHECK(Text(timeline.Latest(action, i)) == Text(on[action].latest));
    }
  }
}

}  // namespace

TEST_CASE("timeline: each day equals the status query of that day", "[store]") {
  auto db = plantrack::testing::MemoryStore(plantrack::testing::kSmallPlan);
  db.db().exec(kTies);
  const std::vector<std::string> days{"2022-03-31", "2023-01-09", "2023-01-10",
                                      "2024-03-31", "2024-06-30", "2025-06-30",
                                      "2025-12-31", "2026-02-01", "2026-11-28"};
  RequireSameAsStatus(db, {}, days);
  RequireSameAsStatus(db, {std::nullopt, std::string("zhuzhou"), std::nullopt}, days);
  RequireSameAsStatus(db, {std::string("T2"), std::nullopt, 2035}, days);
}

TEST_CASE("timeline: the retracted entry never shows, and a day before every entry has none",
          "[store]") {
  auto db = plantrack::testing::MemoryStore(plantrack::testing::kSmallPlan);
  const auto timeline = ProgressTimeline::Load(db, {}, {"2022-12-31", "2026-11-28"});
  const auto before = timeline.On(0);
  REQUIRE(before.size() == 5);
  for (const auto& action : before) CHECK_FALSE(action.latest);
  const auto now = timeline.On(1);
  CHECK(now[2].code == "T2.01");
  CHECK(now[2].latest->percent == 60);  // the 90 % of 2026-02-01 is retracted
  CHECK(now[2].first->logged_on == "2024-01-01");
}

TEST_CASE("timeline: on the CZT plan every quarter end equals the status query", "[store]") {
  plantrack::testing::CztFile czt;
  auto opened = plantrack::store::Connection::Open(czt.db);
  REQUIRE(opened.ok());
  auto& db = opened.value();
  std::vector<std::string> days;
  for (auto q = plantrack::domain::Quarter{2022, 1}; q.year < 2027; q = plantrack::domain::Next(q))
    days.push_back(plantrack::domain::FormatIsoDate(plantrack::domain::LastDay(q)));
  RequireSameAsStatus(db, {}, days);
}
