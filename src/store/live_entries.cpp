#include "store/live_entries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <limits>
#include <memory>
#include <unordered_set>

#include "store/parallel_read.h"

namespace plantrack::store {
namespace {

// NOT INDEXED: the planner would otherwise walk the logged_on index and look every row up. The
// id range is a seek on the table's own key, which NOT INDEXED still allows.
constexpr const char* kEntries = R"sql(
  SELECT p.id, p.action_id, p.unit_id, p.logged_on, p.percent, p.status
    FROM progress_log p NOT INDEXED
   WHERE p.id BETWEEN ?1 AND ?2
)sql";

constexpr const char* kRetracted = "SELECT progress_log_id FROM retraction";

constexpr const char* kBounds =
    "SELECT (SELECT min(id) FROM progress_log), (SELECT max(id) FROM progress_log)";

using RawStatement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
using Retracted = std::unordered_set<int64_t>;

// The live entries with ids from `from` to `to`, to each sink in turn.
void ScanRange(Connection& connection, int64_t from, int64_t to, const Retracted& retracted,
               const std::vector<EntrySink*>& sinks) {
  // The raw C API for the million-row loop: SQLiteCpp's Column shares the statement through a
  // shared_ptr, an atomic increment and decrement per value read.
  sqlite3* handle = connection.db().getHandle();
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(handle, kEntries, -1, &prepared, nullptr) != SQLITE_OK) {
    throw SQLite::Exception(handle);
  }
  RawStatement statement(prepared, &sqlite3_finalize);
  sqlite3_bind_int64(prepared, 1, from);
  sqlite3_bind_int64(prepared, 2, to);
  LiveEntry entry;
  int step;
  while ((step = sqlite3_step(prepared)) == SQLITE_ROW) {
    entry.id = sqlite3_column_int64(prepared, 0);
    if (!retracted.empty() && retracted.contains(entry.id)) continue;
    entry.action_id = sqlite3_column_int64(prepared, 1);
    entry.unit_id = sqlite3_column_int64(prepared, 2);
    entry.day = DayNumber(reinterpret_cast<const char*>(sqlite3_column_text(prepared, 3)));
    entry.percent = sqlite3_column_int(prepared, 4);
    entry.status = reinterpret_cast<const char*>(sqlite3_column_text(prepared, 5));
    for (EntrySink* sink : sinks) sink->Add(entry);
  }
  if (step != SQLITE_DONE) throw SQLite::Exception(handle);
}

}  // namespace

int32_t DayNumber(const char* text) {
  auto digits = [&](int from, int count) {
    int32_t value = 0;
    for (int i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return digits(0, 4) * 10000 + digits(5, 2) * 100 + digits(8, 2);
}

std::string DayText(int32_t day) {
  // By hand rather than through fmt: the timeline runs this for every action on every day.
  std::string on = "0000-00-00";
  for (int i : {9, 8, 6, 5, 3, 2, 1, 0}) {
    on[static_cast<size_t>(i)] = static_cast<char>('0' + day % 10);
    day /= 10;
  }
  return on;
}

void ScanLiveEntries(Connection& connection, const std::vector<EntrySink*>& sinks,
                     ScanSplit split) {
  Retracted retracted;
  SQLite::Statement retractions(connection.db(), kRetracted);
  while (retractions.executeStep()) retracted.insert(retractions.getColumn(0).getInt64());

  int64_t first = 0, last = 0;
  {
    SQLite::Statement bounds(connection.db(), kBounds);
    bounds.executeStep();
    first = bounds.getColumn(0).getInt64();  // NULL, for no entry, reads 0
    last = bounds.getColumn(1).getInt64();
  }
  const bool two =
      split == ScanSplit::kTwo || (split == ScanSplit::kAuto && last - first >= kSplitFrom);
  if (!two || last <= first || !CanReadInParallel(connection)) {
    ScanRange(connection, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
              retracted, sinks);
    return;
  }
  // The second connection takes the upper half while this one reads the lower: ids are dense
  // (rows are only appended), so the halves hold about as many entries each.
  const int64_t middle = first + (last - first) / 2;
  std::vector<std::unique_ptr<EntrySink>> owned;
  std::vector<EntrySink*> shards;
  for (EntrySink* sink : sinks) shards.push_back(owned.emplace_back(sink->Shard()).get());
  ParallelRead upper(connection, [&](Connection& second) {
    ScanRange(second, middle + 1, last, retracted, shards);
  });
  ScanRange(connection, first, middle, retracted, sinks);
  upper.Wait();
  for (size_t i = 0; i < sinks.size(); ++i) sinks[i]->Merge(*shards[i]);
}

}  // namespace plantrack::store
