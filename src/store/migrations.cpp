#include "store/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cstdlib>
#include <string>

#include "store/embedded.h"

namespace plantrack::store {
namespace {

// "0003_add_views.sql" -> 3. The build embeds only schema/*.sql, so a bad name is a bug.
int VersionOf(const EmbeddedFile& file) { return std::atoi(std::string(file.name).c_str()); }

}  // namespace

int LatestSchemaVersion() {
  auto files = SchemaFiles();
  return files.empty() ? 0 : VersionOf(files.back());
}

Status Migrate(SQLite::Database& db) {
  const int current = db.execAndGet("PRAGMA user_version").getInt();
  if (current > LatestSchemaVersion()) {
    return Status::Unavailable(
        fmt::format("database schema version {} is newer than this plantrack (version {}); upgrade "
                    "plantrack: the file was not changed",
                    current, LatestSchemaVersion()));
  }
  for (const EmbeddedFile& file : SchemaFiles()) {
    const int version = VersionOf(file);
    if (version <= current) continue;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(std::string(file.text));
    // PRAGMA takes no bound parameters; the value is our own integer.
    db.exec(fmt::format("PRAGMA user_version = {}", version));
    transaction.commit();
  }
  return Status::Ok();
}

}  // namespace plantrack::store
