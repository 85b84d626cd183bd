#pragma once
// One pass over the live progress entries (retracted ones skipped), handed to any number of
// sinks: the HTML report's trend, audit and sign-off leads each need a log-wide fact, and
// reading the million rows once for all of them costs what reading them once costs. Each sink
// keeps only what it folds the entries into, never the rows.
//
// A large log is read on two connections in two threads at once (the file's snapshot is the
// same for both, or the pass is not split), each taking ranges of ids in turn until none is
// left: each thread feeds its own shard of every sink, and the shards are merged after. So what
// a sink folds must not depend on the order the entries come in (each sink's Merge says how it
// combines two parts).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/connection.h"

namespace plantrack::store {

// Valid only during the call that receives it: `status` points into SQLite's row.
struct LiveEntry {
  int64_t id = 0, action_id = 0, unit_id = 0;
  int32_t day = 0;  // logged_on as YYYYMMDD, so that dates compare as numbers
  int percent = 0;
  const char* status = "";
};

class EntrySink {
 public:
  virtual ~EntrySink() = default;
  virtual void Add(const LiveEntry& entry) = 0;
  // An empty sink of the same kind and settings, to fold another part of the log in another
  // thread; Merge(shard) then leaves this sink as if it had been given both parts.
  virtual std::unique_ptr<EntrySink> Shard() const = 0;
  virtual void Merge(EntrySink& shard) = 0;
};

// How a pass may be split: kAuto splits a log of kSplitFrom entries or more when a second
// connection can read the same snapshot (a file on disk, the connection inside a read
// transaction that has written nothing); kOne never splits; kTwo splits whenever it can, for
// tests on small logs.
enum class ScanSplit { kAuto, kOne, kTwo };
inline constexpr int64_t kSplitFrom = 100'000;

// Feeds every live entry to each sink; each sink ignores the days it has no use for (a date
// compared in SQL cost more than in the sinks). A plain scan: walking the logged_on index and
// looking each row up would cost more, and retracted ids are a hash set (a NOT IN probe per row
// cost as much as the scan).
void ScanLiveEntries(Connection& connection, const std::vector<EntrySink*>& sinks,
                     ScanSplit split = ScanSplit::kAuto);

// 'YYYY-MM-DD' (valid by the schema's CHECK) as the number YYYYMMDD, and back.
int32_t DayNumber(const char* text);
std::string DayText(int32_t day);

}  // namespace plantrack::store
