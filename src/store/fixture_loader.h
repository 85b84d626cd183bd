#pragma once
// Loads a plan data set in the fixtures/czt layout (plan.csv, task_areas.csv, units.csv, ...,
// progress.csv: see the README) into a freshly migrated, empty database. Codes and slugs in
// the files are resolved to ids; every problem is reported as "FILE:LINE: message".

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

// Rows loaded per file, in load order.
using LoadCounts = std::vector<std::pair<std::string, int>>;

// The caller holds the transaction, so a failure leaves nothing behind. `journal_id` tags the
// progress entries and indicator values with the command that loaded them.
Result<LoadCounts> LoadPlanFiles(SQLite::Database& db, std::span<const EmbeddedFile> files,
                                 int64_t journal_id);

}  // namespace plantrack::store
