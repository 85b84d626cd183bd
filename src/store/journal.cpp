#include "store/journal.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace plantrack::store {
namespace {

constexpr const char* kInsertJournal = R"sql(
  INSERT INTO journal (unit_id, recorded_at, command, detail)
  VALUES (:unit_id, :recorded_at, :command, :detail)
)sql";

}  // namespace

int64_t AppendJournal(SQLite::Database& db, std::optional<int64_t> unit_id,
                      std::string_view recorded_at, std::string_view command,
                      std::string_view detail) {
  SQLite::Statement insert(db, kInsertJournal);
  if (unit_id) {
    insert.bind(":unit_id", *unit_id);
  } else {
    insert.bind(":unit_id");
  }
  insert.bind(":recorded_at", std::string(recorded_at));
  insert.bind(":command", std::string(command));
  insert.bind(":detail", std::string(detail));
  insert.exec();
  return db.getLastInsertRowid();
}

}  // namespace plantrack::store
