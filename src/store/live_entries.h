#pragma once
// One pass over the live progress entries (retracted ones skipped), in table order, handed to
// any number of sinks: the HTML report's trend, audit and sign-off leads each need a log-wide
// fact, and reading the million rows once for all of them costs what reading them once costs.
// Each sink keeps only what it folds the entries into, never the rows.

#include <cstdint>
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
};

// Feeds every live entry to each sink in turn; each sink ignores the days it has no use for
// (a date compared in SQL cost more than in the sinks). A plain scan: walking the logged_on
// index and looking each row up would cost more, and retracted ids are a hash set (a NOT IN
// probe per row cost as much as the scan).
void ScanLiveEntries(Connection& connection, const std::vector<EntrySink*>& sinks);

// 'YYYY-MM-DD' (valid by the schema's CHECK) as the number YYYYMMDD, and back.
int32_t DayNumber(const char* text);
std::string DayText(int32_t day);

}  // namespace plantrack::store
