#pragma once
// The schema as a numbered list of migrations (schema/NNNN_name.sql, embedded at build time).
// PRAGMA user_version records how many have been applied.

#include "domain/status.h"

namespace SQLite {
class Database;
}

namespace plantrack::store {

// The schema version this program writes: the number of the last migration.
int LatestSchemaVersion();

// Applies every migration newer than the file's user_version, each in its own transaction
// that also sets user_version. Refuses (kUnavailable) a file newer than this program.
Status Migrate(SQLite::Database& db);

}  // namespace plantrack::store
