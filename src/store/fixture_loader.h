#pragma once
// Loads a plan data set in the fixtures/czt layout (plan.csv, task_areas.csv, units.csv, ...,
// progress.csv: see the README) into a freshly migrated database, through the same Importer
// that `plantrack import` uses, as the trusted system (no permission checks).

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "domain/status.h"
#include "store/embedded.h"

namespace SQLite {
class Database;
}

namespace plantrack::store {

class Connection;

// Rows loaded per file, in load order.
using LoadCounts = std::vector<std::pair<std::string, int>>;

// The caller holds the transaction, so a failure leaves nothing behind; every problem is listed
// as "FILE:LINE: message", one per line. `journal_id` tags the entries with the command that
// loaded them; `now_utc` and `today` are the clock.
Result<LoadCounts> LoadPlanFiles(Connection& connection, std::span<const EmbeddedFile> files,
                                 int64_t journal_id, const std::string& now_utc,
                                 const std::string& today);

}  // namespace plantrack::store
