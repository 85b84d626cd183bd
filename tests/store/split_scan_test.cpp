// The pass over the log split between two connections (live_entries.h) must give every
// sink exactly what one pass gives: on a generated log with retractions, same-day entries and
// entries after the as-of date; and inside a write transaction, whose new entry only this
// connection sees, the pass must not be split at all.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "store/audit_queries.h"
#include "store/live_entries.h"
#include "store/progress_timeline.h"
#include "store/signoff_store.h"
#include "test_support.h"

using namespace plantrack;

namespace {

// 6,000 entries over the CZT plan's actions and units, a day in 2022-2027 each (some on the same
// day, some at 100 %), every seventh retracted.
constexpr const char* kGeneratedLog = R"sql(
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000),
  a(k, id) AS (SELECT row_number() OVER (ORDER BY id) - 1, id FROM action),
  u(k, id) AS (SELECT row_number() OVER (ORDER BY id) - 1, id FROM unit)
  INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status)
  SELECT a.id, u.id, date('2022-04-01', '+' || (n.i * 7919 % 2000) || ' days'),
         '2026-01-01T00:00:00Z', n.i * 13 % 101,
         CASE WHEN n.i * 13 % 101 = 100 THEN 'done' ELSE
           CASE n.i % 4 WHEN 0 THEN 'on-track' WHEN 1 THEN 'at-risk' WHEN 2 THEN 'delayed'
                ELSE 'blocked' END END
    FROM n JOIN a ON a.k = n.i * 31 % (SELECT count(*) FROM a)
           JOIN u ON u.k = n.i % (SELECT count(*) FROM u);
  INSERT INTO retraction (progress_log_id, unit_id, recorded_at, reason)
  SELECT id, unit_id, '2026-01-02T00:00:00Z', 'generated' FROM progress_log WHERE id % 7 = 3;
)sql";

// Writes the generated log into `czt` and opens it for reading.
store::Connection WithGeneratedLog(const testing::CztFile& czt) {
  {
    SQLite::Database raw(czt.db, SQLite::OPEN_READWRITE);
    raw.exec(kGeneratedLog);
  }
  auto opened = store::Connection::Open(czt.db, {.read_only = true});
  REQUIRE(opened.ok());
  return std::move(opened.value());
}

std::string Text(const std::optional<store::LogEntry>& entry) {
  return entry ? fmt::format("{}/{}/{}", entry->logged_on, entry->percent, entry->status) : "-";
}

// Everything the three sinks of the HTML report's pass give, as text.
std::vector<std::string> PassRows(store::Connection& db, store::ScanSplit split) {
  const std::vector<std::string> days{"2022-06-30", "2023-12-31", "2024-06-30", "2025-09-30",
                                      "2026-11-28"};
  auto timeline = store::ProgressTimeline::Prepare(db, {}, days);
  store::LogSummariser summariser("2026-11-28");
  store::LeadFacts leads({2026, 3});
  store::ScanLiveEntries(db, {&timeline, &summariser, &leads}, split);
  timeline.Finish();
  std::vector<std::string> rows;
  for (size_t day = 0; day < days.size(); ++day) {
    for (const auto& action : timeline.On(day)) {
      rows.push_back(fmt::format("{} {} {} {}", days[day], action.code, Text(action.first),
                                 Text(action.latest)));
    }
  }
  const store::LogSummary summary = summariser.Finish(db);
  for (const auto& log : summary.last_logs) {
    rows.push_back(
        fmt::format("last {} {} {}", summary.action_codes[static_cast<size_t>(log.action)],
                    summary.unit_slugs[static_cast<size_t>(log.unit)], store::DayText(log.day)));
  }
  for (const auto& done : summary.done_dates) {
    rows.push_back(fmt::format("done {} {}", done.action, done.logged_on));
  }
  for (const auto& lead : store::LeadsIn(db, leads)) {
    rows.push_back(
        fmt::format("lead {} {} {} {}", lead.unit_id, lead.report.action,
                    lead.report.done_on ? domain::FormatIsoDate(*lead.report.done_on) : "-",
                    lead.report.reported));
  }
  return rows;
}

// Counts the entries given to it; its shards count theirs.
struct Counter : store::EntrySink {
  void Add(const store::LiveEntry&) override { ++count; }
  std::unique_ptr<store::EntrySink> Shard() const override { return std::make_unique<Counter>(); }
  void Merge(store::EntrySink& shard) override { count += static_cast<Counter&>(shard).count; }
  int64_t count = 0;
};

// Counts the entries given to it. The first connection's sink holds its thread at its first
// entry until its shards (fed by the second connection) have counted `wait_for` between them,
// or ten seconds have passed: a first thread slowed by other work.
struct Stalling : store::EntrySink {
  struct Shared {
    std::mutex mutex;
    std::condition_variable changed;
    int64_t by_shards = 0;
    int64_t wait_for = 0;
  };
  Stalling(std::shared_ptr<Shared> with, bool is_shard)
      : shared(std::move(with)), shard(is_shard) {}
  void Add(const store::LiveEntry&) override {
    ++count;
    std::unique_lock lock(shared->mutex);
    if (shard) {
      ++shared->by_shards;
      shared->changed.notify_all();
    } else if (count == 1) {
      shared->changed.wait_for(lock, std::chrono::seconds(10),
                               [&] { return shared->by_shards >= shared->wait_for; });
    }
  }
  std::unique_ptr<store::EntrySink> Shard() const override {
    return std::make_unique<Stalling>(shared, true);
  }
  void Merge(store::EntrySink& other) override { count += static_cast<Stalling&>(other).count; }
  std::shared_ptr<Shared> shared;
  bool shard;
  int64_t count = 0;
};

}  // namespace

TEST_CASE("split pass: two connections give every sink what one pass gives", "[store][split]") {
  testing::CztFile czt;
  store::Connection db = WithGeneratedLog(czt);
  store::ReadSnapshot snapshot(db);
  const auto one = PassRows(db, store::ScanSplit::kOne);
  REQUIRE(one.size() > 200);
  CHECK(PassRows(db, store::ScanSplit::kTwo) == one);
  CHECK(PassRows(db, store::ScanSplit::kAuto) == one);  // too small to split: one pass

  // Every live entry once, whichever half read it.
  const int64_t live = db.db()
                           .execAndGet(
                               "SELECT count(*) FROM progress_log WHERE id NOT IN "
                               "(SELECT progress_log_id FROM retraction)")
                           .getInt64();
  Counter counted;
  store::ScanLiveEntries(db, {&counted}, store::ScanSplit::kTwo);
  CHECK(counted.count == live);
  CHECK(live > 5000);
}

TEST_CASE("split pass: an entry written in this transaction, not yet committed, is read",
          "[store][split]") {
  testing::CztFile czt;
  auto opened = store::Connection::Open(czt.db);
  REQUIRE(opened.ok());
  store::Connection& db = opened.value();
  Counter before;
  store::ScanLiveEntries(db, {&before}, store::ScanSplit::kTwo);
  SQLite::Transaction transaction(db.db());
  db.db().exec(R"sql(
    INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status)
    SELECT min(action_id), min(unit_id), '2026-11-01', '2026-11-01T00:00:00Z', 50, 'on-track'
      FROM responsibility)sql");
  Counter during;
  store::ScanLiveEntries(db, {&during}, store::ScanSplit::kTwo);
  CHECK(during.count == before.count + 1);
}

TEST_CASE("split pass: after another program's commit the pass reads on its own snapshot",
          "[store][split]") {
  testing::CztFile czt;
  // A gap in the ids below the last one, which only raw SQL can leave (plantrack lets SQLite
  // number its entries).
  constexpr const char* kInGap = R"sql(
    INSERT INTO progress_log (id, action_id, unit_id, logged_on, recorded_at, percent, status)
    SELECT (SELECT max(id) FROM progress_log) + {}, min(action_id), min(unit_id), '2026-11-01',
           '2026-11-01T00:00:00Z', 50, 'on-track' FROM responsibility)sql";
  {
    SQLite::Database raw(czt.db, SQLite::OPEN_READWRITE);
    raw.exec(fmt::format(fmt::runtime(kInGap), 10));
  }
  auto opened = store::Connection::Open(czt.db, {.read_only = true});
  REQUIRE(opened.ok());
  store::Connection& db = opened.value();
  store::ReadSnapshot snapshot(db);
  Counter before;
  store::ScanLiveEntries(db, {&before}, store::ScanSplit::kTwo);
  // After the snapshot: an entry in the gap (which the upper half would read) and a command's
  // journal row, by which the second connection knows it does not read this snapshot.
  {
    SQLite::Database raw(czt.db, SQLite::OPEN_READWRITE);
    raw.exec(fmt::format(fmt::runtime(kInGap), -5));
  }
  REQUIRE(czt.Run({"--as", "hunan-transport", "log", "T2.03", "--percent", "95"}).code == 0);
  Counter after;
  store::ScanLiveEntries(db, {&after}, store::ScanSplit::kTwo);
  CHECK(after.count == before.count);
}

TEST_CASE("split pass: while the first connection is held up, the second reads the rest",
          "[store][split]") {
  testing::CztFile czt;
  store::Connection db = WithGeneratedLog(czt);
  store::ReadSnapshot snapshot(db);
  Counter all;
  store::ScanLiveEntries(db, {&all}, store::ScanSplit::kOne);
  // The ids are handed out in ranges as the threads ask for them, not in two fixed halves: with
  // the first thread held at its first entry, the second reads nine tenths of the log.
  auto shared = std::make_shared<Stalling::Shared>();
  shared->wait_for = all.count * 9 / 10;
  Stalling stalling(shared, false);
  store::ScanLiveEntries(db, {&stalling}, store::ScanSplit::kTwo);
  CHECK(stalling.count == all.count);
  std::lock_guard lock(shared->mutex);
  CHECK(shared->by_shards >= all.count * 9 / 10);
}
