#include "store/journal.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/record_codec.h"

namespace plantrack::store {
namespace {

constexpr const char* kInsertJournal = R"sql(
  INSERT INTO journal (unit_id, recorded_at, command, detail, kind, action_id, subject_id, undoes,
                       uid, packet_id)
  VALUES (:unit_id, :recorded_at, :command, :detail, :kind, :action_id, :subject_id, :undoes,
          :uid, :packet_id)
)sql";

void BindOptional(SQLite::Statement& statement, const char* name,
                  const std::optional<int64_t>& value) {
  value ? statement.bind(name, *value) : statement.bind(name);
}

}  // namespace

int64_t AppendJournal(SQLite::Database& db, const JournalEntry& entry) {
  return JournalWriter(db).Append(entry);
}

JournalWriter::JournalWriter(SQLite::Database& db)
    : db_(db), insert_(std::make_unique<SQLite::Statement>(db, kInsertJournal)) {}
JournalWriter::~JournalWriter() = default;

int64_t JournalWriter::Append(const JournalEntry& entry) {
  SQLite::Statement& insert = *insert_;
  insert.tryReset();
  BindOptional(insert, ":unit_id", entry.unit_id);
  insert.bind(":recorded_at", entry.recorded_at);
  insert.bind(":command", entry.command);
  insert.bind(":detail", entry.detail);
  insert.bind(":kind", entry.kind);
  BindOptional(insert, ":action_id", entry.action_id);
  BindOptional(insert, ":subject_id", entry.subject_id);
  BindOptional(insert, ":undoes", entry.undoes);
  insert.bind(":uid", entry.uid.empty() ? NewRecordUid(entry.recorded_at) : entry.uid);
  BindOptional(insert, ":packet_id", entry.packet_id);
  insert.exec();
  return db_.getLastInsertRowid();
}

}  // namespace plantrack::store
