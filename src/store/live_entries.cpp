#include "store/live_entries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
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

// The raw C API for the million-row loop: SQLiteCpp's Column shares the statement through a
// shared_ptr, an atomic increment and decrement per value read. Prepared once per connection
// and re-bound for each range.
class RangeReader {
 public:
  RangeReader(Connection& connection, const Retracted& retracted,
              const std::vector<EntrySink*>& sinks)
      : handle_(connection.db().getHandle()), retracted_(retracted), sinks_(sinks) {
    sqlite3_stmt* prepared = nullptr;
    if (sqlite3_prepare_v2(handle_, kEntries, -1, &prepared, nullptr) != SQLITE_OK) {
      throw SQLite::Exception(handle_);
    }
    statement_.reset(prepared);
  }

  // The live entries with ids from `from` to `to`, to each sink in turn.
  void Read(int64_t from, int64_t to) {
    sqlite3_stmt* prepared = statement_.get();
    sqlite3_reset(prepared);
    sqlite3_bind_int64(prepared, 1, from);
    sqlite3_bind_int64(prepared, 2, to);
    LiveEntry entry;
    int step;
    while ((step = sqlite3_step(prepared)) == SQLITE_ROW) {
      entry.id = sqlite3_column_int64(prepared, 0);
      if (!retracted_.empty() && retracted_.contains(entry.id)) continue;
      entry.action_id = sqlite3_column_int64(prepared, 1);
      entry.unit_id = sqlite3_column_int64(prepared, 2);
      entry.day = DayNumber(reinterpret_cast<const char*>(sqlite3_column_text(prepared, 3)));
      entry.percent = sqlite3_column_int(prepared, 4);
      entry.status = reinterpret_cast<const char*>(sqlite3_column_text(prepared, 5));
      for (EntrySink* sink : sinks_) sink->Add(entry);
    }
    if (step != SQLITE_DONE) throw SQLite::Exception(handle_);
  }

 private:
  sqlite3* handle_;
  RawStatement statement_{nullptr, &sqlite3_finalize};
  const Retracted& retracted_;
  const std::vector<EntrySink*>& sinks_;
};

// The id range cut into kChunks ranges, handed out in turn to whichever thread asks first.
class Chunks {
 public:
  Chunks(int64_t first, int64_t last)
      : first_(first), last_(last), size_((last - first) / kChunks + 1) {}
  // Reads chunks with `reader` until none is left.
  void ReadAll(RangeReader& reader) {
    for (int chunk; (chunk = next_.fetch_add(1)) < kChunks;) {
      const int64_t from = first_ + chunk * size_;
      if (from > last_) continue;
      reader.Read(from, std::min(last_, from + size_ - 1));
    }
  }

 private:
  static constexpr int kChunks = 32;
  int64_t first_, last_, size_;
  std::atomic<int> next_{0};
};

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
    RangeReader(connection, retracted, sinks)
        .Read(std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
    return;
  }
  // Both connections take chunks of the range in turn until none is left, each into its own
  // sinks: a thread that starts late, or is slowed by the other reads of its command, reads
  // fewer, so both finish together (fixed halves left one core idle for a tenth of a second).
  // Ids are dense (rows are only appended), so chunks hold about as many entries each.
  Chunks chunks(first, last);
  std::vector<std::unique_ptr<EntrySink>> owned;
  std::vector<EntrySink*> shards;
  for (EntrySink* sink : sinks) shards.push_back(owned.emplace_back(sink->Shard()).get());
  ParallelRead other(connection, [&](Connection& second) {
    RangeReader reader(second, retracted, shards);
    chunks.ReadAll(reader);
  });
  RangeReader reader(connection, retracted, sinks);
  chunks.ReadAll(reader);
  // Where the second connection could not read this snapshot, this runs here and finds every
  // chunk taken.
  other.Wait();
  for (size_t i = 0; i < sinks.size(); ++i) sinks[i]->Merge(*shards[i]);
}

}  // namespace plantrack::store
