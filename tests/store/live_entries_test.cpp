// One pass over the log feeds several readers (live_entries.h): each must get from it exactly
// what its own query gives, on the small plan (a retracted entry, a done entry after the as-of
// date) and on the CZT plan, quarter by quarter.

#include "store/live_entries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "small_plan.h"
#include "store/audit_queries.h"
#include "store/progress_timeline.h"
#include "store/signoff_store.h"
#include "test_support.h"

using namespace plantrack;

namespace {

std::vector<std::string> Rows(const std::vector<store::LeadRow>& leads) {
  std::vector<std::string> rows;
  for (const auto& lead : leads) {
    rows.push_back(
        fmt::format("{} {} {} {} {}", lead.unit_id, lead.report.action,
                    domain::FormatIsoDate(lead.report.start_on),
                    lead.report.done_on ? domain::FormatIsoDate(*lead.report.done_on) : "-",
                    lead.report.reported));
  }
  return rows;
}

std::vector<std::string> Rows(const store::LogSummary& summary) {
  std::vector<std::string> rows;
  for (const auto& log : summary.last_logs) {
    rows.push_back(
        fmt::format("last {} {} {}", summary.action_codes[static_cast<size_t>(log.action)],
                    summary.unit_slugs[static_cast<size_t>(log.unit)], store::DayText(log.day)));
  }
  for (const auto& done : summary.done_dates) {
    rows.push_back(fmt::format("done {} {}", done.action, done.logged_on));
  }
  return rows;
}

// What LeadsIn computed before the pass, as the query it replaced: two probes of the log per
// lead action, in the format of Rows(leads).
std::vector<std::string> LeadsBySql(store::Connection& db, const domain::Quarter& quarter) {
  SQLite::Statement query(db.db(), R"sql(
    SELECT r.unit_id, a.code, a.start_on,
           (SELECT min(p.logged_on) FROM progress_log p
             WHERE p.action_id = a.id AND p.percent = 100
               AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.progress_log_id = p.id)),
           EXISTS (SELECT 1 FROM progress_log p
                    WHERE p.action_id = a.id AND p.logged_on BETWEEN ?1 AND ?2
                      AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.progress_log_id = p.id))
      FROM responsibility r JOIN action a ON a.id = r.action_id
     WHERE r.role = 'lead'
     ORDER BY r.unit_id, a.code)sql");
  query.bind(1, domain::FormatIsoDate(domain::FirstDay(quarter)));
  query.bind(2, domain::FormatIsoDate(domain::LastDay(quarter)));
  std::vector<std::string> rows;
  while (query.executeStep()) {
    rows.push_back(fmt::format("{} {} {} {} {}", query.getColumn(0).getInt64(),
                               query.getColumn(1).getString(), query.getColumn(2).getString(),
                               query.getColumn(3).isNull() ? "-" : query.getColumn(3).getString(),
                               query.getColumn(4).getInt() != 0));
  }
  return rows;
}

// What SummariseLog computed before the pass, as the two GROUP BY queries it replaced.
std::vector<std::string> SummaryBySql(store::Connection& db, const std::string& as_of) {
  std::vector<std::string> rows;
  SQLite::Statement last(db.db(), R"sql(
    SELECT a.code, u.slug, max(p.logged_on) FROM progress_log p
      JOIN action a ON a.id = p.action_id JOIN unit u ON u.id = p.unit_id
     WHERE p.logged_on <= ?1 AND p.id NOT IN (SELECT progress_log_id FROM retraction)
     GROUP BY p.action_id, p.unit_id ORDER BY p.action_id, p.unit_id)sql");
  last.bind(1, as_of);
  while (last.executeStep()) {
    rows.push_back(fmt::format("last {} {} {}", last.getColumn(0).getString(),
                               last.getColumn(1).getString(), last.getColumn(2).getString()));
  }
  SQLite::Statement done(db.db(), R"sql(
    SELECT a.code, min(p.logged_on) FROM progress_log p JOIN action a ON a.id = p.action_id
     WHERE p.logged_on <= ?1 AND p.percent = 100
       AND p.id NOT IN (SELECT progress_log_id FROM retraction)
     GROUP BY p.action_id ORDER BY p.action_id)sql");
  done.bind(1, as_of);
  while (done.executeStep()) {
    rows.push_back(
        fmt::format("done {} {}", done.getColumn(0).getString(), done.getColumn(1).getString()));
  }
  return rows;
}

// Every reader fed by one unbounded pass, against each one's own query.
void RequireSharedPassAgrees(store::Connection& db, const domain::Quarter& quarter,
                             const std::string& as_of) {
  INFO(domain::FormatQuarter(quarter) << " as of " << as_of);
  auto timeline = store::ProgressTimeline::Prepare(db, {}, {as_of});
  store::LogSummariser summariser(as_of);
  store::LeadFacts leads(quarter);
  store::ScanLiveEntries(db, {&timeline, &summariser, &leads});
  timeline.Finish();
  CHECK(Rows(store::LeadsIn(db, leads)) == LeadsBySql(db, quarter));
  CHECK(Rows(store::LeadsIn(db, quarter)) == LeadsBySql(db, quarter));
  CHECK(Rows(summariser.Finish(db)) == SummaryBySql(db, as_of));
  CHECK(Rows(store::SummariseLog(db, as_of)) == SummaryBySql(db, as_of));
  const auto alone = store::ProgressTimeline::Load(db, {}, {as_of}).On(0);
  const auto shared = timeline.On(0);
  REQUIRE(alone.size() == shared.size());
  for (size_t i = 0; i < alone.size(); ++i) {
    CHECK(shared[i].code == alone[i].code);
    CHECK(shared[i].latest.has_value() == alone[i].latest.has_value());
    if (shared[i].latest) CHECK(shared[i].latest->logged_on == alone[i].latest->logged_on);
  }
}

}  // namespace

TEST_CASE("live entries: dates as numbers and back", "[store]") {
  CHECK(store::DayNumber("2026-02-28") == 20260228);
  CHECK(store::DayText(20260228) == "2026-02-28");
  CHECK(store::DayText(store::DayNumber("0999-12-31")) == "0999-12-31");
}

TEST_CASE("live entries: the pass skips retracted entries and reads the rest in table order",
          "[store]") {
  auto db = testing::MemoryStore(testing::kSmallPlan);
  struct Collect : store::EntrySink {
    void Add(const store::LiveEntry& entry) override {
      rows.push_back(fmt::format("{} {} {} {} {} {}", entry.id, entry.action_id, entry.unit_id,
                                 entry.day, entry.percent, entry.status));
    }
    std::unique_ptr<store::EntrySink> Shard() const override { return nullptr; }  // never split
    void Merge(store::EntrySink&) override {}
    std::vector<std::string> rows;
  } first, second;
  store::ScanLiveEntries(db, {&first, &second});
  CHECK(first.rows == second.rows);
  // Nine entries, the seventh (T2.01's 90 % of 2026-02-01) retracted.
  CHECK(first.rows ==
        std::vector<std::string>{"1 1 2 20230110 40 on-track", "2 1 2 20250630 100 done",
                                 "3 2 4 20250101 20 on-track", "4 2 4 20261001 40 on-track",
                                 "5 3 3 20240101 30 on-track", "6 3 3 20251001 60 at-risk",
                                 "8 4 2 20250101 30 on-track", "9 4 2 20260601 35 blocked"});
}

TEST_CASE("live entries: a shared pass gives each reader what its own query gives",
          "[store][signoff]") {
  auto db = testing::MemoryStore(testing::kSmallPlan);
  // A done entry after the as-of date: the sign-off's done date counts it, the audit does not.
  db.db().exec(R"sql(
    INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status)
      VALUES (4, 2, '2026-12-20', '2026-12-20T00:00:00Z', 100, 'done'))sql");
  for (auto q = domain::Quarter{2022, 1}; q.year < 2027; q = domain::Next(q)) {
    RequireSharedPassAgrees(db, q, "2026-11-28");
  }
  store::LeadFacts leads({2026, 3});
  store::ScanLiveEntries(db, {&leads});
  const auto rows = Rows(store::LeadsIn(db, leads));
  CHECK(std::find(rows.begin(), rows.end(), "2 T2.02 2024-01-01 2026-12-20 false") != rows.end());
}

TEST_CASE("live entries: on the CZT plan every quarter agrees", "[store][signoff]") {
  testing::CztFile czt;
  auto opened = store::Connection::Open(czt.db);
  REQUIRE(opened.ok());
  for (auto q = domain::Quarter{2022, 1}; q.year < 2027; q = domain::Next(q)) {
    RequireSharedPassAgrees(opened.value(), q, domain::FormatIsoDate(domain::LastDay(q)));
  }
}
