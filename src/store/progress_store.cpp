#include "store/progress_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/codes.h"

namespace plantrack::store {
namespace {

// Shared by FindEntry and LiveEntriesOf.
constexpr const char* kEntryColumns = R"sql(
  SELECT p.id, a.code, u.slug, p.logged_on, p.status, p.note, p.percent,
         EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
    FROM progress_log p JOIN action a ON a.id = p.action_id JOIN unit u ON u.id = p.unit_id
)sql";

constexpr const char* kInsertRetraction = R"sql(
  INSERT INTO retraction (progress_log_id, unit_id, recorded_at, reason, journal_id)
  VALUES (:entry_id, :unit_id, :recorded_at, :reason, :journal_id)
)sql";

constexpr const char* kFindIndicator = "SELECT id FROM indicator WHERE code = :code";

constexpr const char* kInsertValue = R"sql(
  INSERT INTO indicator_value (indicator_id, as_of, value, unit_id, source, note, recorded_at,
                               journal_id)
  VALUES (:indicator_id, :as_of, :value, :unit_id, :source, :note, :recorded_at, :journal_id)
)sql";

constexpr const char* kLastCommand = R"sql(
  SELECT j.id, j.kind, j.recorded_at, j.command, j.subject_id, j.action_id FROM journal j
   WHERE j.unit_id = :unit_id AND j.kind <> 'undo'
     AND NOT EXISTS (SELECT 1 FROM journal u WHERE u.undoes = j.id)
   ORDER BY j.id DESC LIMIT 1
)sql";

constexpr const char* kLiveValues = R"sql(
  SELECT v.id FROM indicator_value v
   WHERE v.journal_id = :journal_id
     AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r WHERE r.indicator_value_id = v.id)
   ORDER BY v.id
)sql";

constexpr const char* kRetractValue = R"sql(
  INSERT INTO indicator_value_retraction (indicator_value_id, unit_id, recorded_at, reason,
                                          journal_id)
  VALUES (:value_id, :unit_id, :recorded_at, :reason, :journal_id)
)sql";

EntryRef EntryFrom(SQLite::Statement& query) {
  return {query.getColumn(0).getInt64(),  query.getColumn(1).getString(),
          query.getColumn(2).getString(), query.getColumn(3).getString(),
          query.getColumn(4).getString(), query.getColumn(5).getString(),
          query.getColumn(6).getInt(),    query.getColumn(7).getInt() != 0};
}

}  // namespace

int64_t InsertProgress(Connection& connection, const NewProgress& entry) {
  return ProgressWriter(connection).Insert(entry);
}

std::string InsertProgressSql(size_t rows) {
  // OR FAIL: a row refused stops the statement where it is, the rows before it kept (the batch
  // writes the rest one by one). With foreign keys off as well, as the importer has them
  // (store/plan_import.h), nothing can abort a multi-row insert half way, so SQLite keeps no
  // statement journal for it: that journal was a copy of every page each batch touched,
  // written to a temporary file (680 MB for a million entries). One row: the same as ABORT.
  std::string sql =
      "INSERT OR FAIL INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, "
      "status, note, source, journal_id) VALUES ";
  for (size_t i = 0; i < rows; ++i)
    sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return sql;
}

void BindProgress(SQLite::Statement& statement, int first, const NewProgress& entry) {
  // By position and without copies: an import binds a million rows, and the caller keeps the
  // strings until the statement has run.
  statement.bind(first, entry.action_id);
  statement.bind(first + 1, entry.unit_id);
  statement.bindNoCopy(first + 2, entry.logged_on);
  statement.bindNoCopy(first + 3, entry.recorded_at);
  statement.bind(first + 4, entry.percent);
  statement.bindNoCopy(first + 5, entry.status);
  statement.bindNoCopy(first + 6, entry.note);
  statement.bindNoCopy(first + 7, entry.source);
  statement.bind(first + 8, entry.journal_id);
}

ProgressWriter::ProgressWriter(Connection& connection) : connection_(connection) {}
ProgressWriter::~ProgressWriter() = default;

int64_t ProgressWriter::Insert(const NewProgress& entry) {
  if (!insert_) {
    insert_ = std::make_unique<SQLite::Statement>(connection_.db(), InsertProgressSql(1));
  } else {
    insert_->tryReset();  // reset() would rethrow a refused last entry
  }
  BindProgress(*insert_, 1, entry);
  insert_->exec();
  return connection_.db().getLastInsertRowid();
}

std::optional<EntryRef> FindEntry(Connection& connection, int64_t id) {
  SQLite::Statement query(connection.db(), std::string(kEntryColumns) + " WHERE p.id = :id");
  query.bind(":id", id);
  if (!query.executeStep()) return std::nullopt;
  return EntryFrom(query);
}

int64_t InsertRetraction(Connection& connection, int64_t entry_id, int64_t unit_id,
                         const std::string& recorded_at, const std::string& reason,
                         int64_t journal_id) {
  SQLite::Statement insert(connection.db(), kInsertRetraction);
  insert.bind(":entry_id", entry_id);
  insert.bind(":unit_id", unit_id);
  insert.bind(":recorded_at", recorded_at);
  insert.bind(":reason", reason);
  insert.bind(":journal_id", journal_id);
  insert.exec();
  return connection.db().getLastInsertRowid();
}

std::optional<int64_t> FindIndicatorId(Connection& connection, const std::string& code) {
  // Codes as people type them (`t3.07`, a unit's name) resolve to the stored one first.
  const std::optional<std::string> stored = StoredCode(connection, CodeKind::kIndicator, code);
  if (!stored) return std::nullopt;
  SQLite::Statement query(connection.db(), kFindIndicator);
  query.bind(":code", *stored);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

int64_t InsertIndicatorValue(Connection& connection, const NewIndicatorValue& value) {
  return IndicatorValueWriter(connection).Insert(value);
}

IndicatorValueWriter::IndicatorValueWriter(Connection& connection)
    : connection_(connection),
      insert_(std::make_unique<SQLite::Statement>(connection.db(), kInsertValue)) {}
IndicatorValueWriter::~IndicatorValueWriter() = default;

int64_t IndicatorValueWriter::Insert(const NewIndicatorValue& value) {
  SQLite::Statement& insert = *insert_;
  insert.tryReset();
  insert.bind(":indicator_id", value.indicator_id);
  insert.bind(":as_of", value.as_of);
  insert.bind(":value", value.value);
  value.unit_id ? insert.bind(":unit_id", *value.unit_id) : insert.bind(":unit_id");
  insert.bind(":source", value.source);
  insert.bind(":note", value.note);
  value.recorded_at.empty() ? insert.bind(":recorded_at")
                            : insert.bind(":recorded_at", value.recorded_at);
  insert.bind(":journal_id", value.journal_id);
  insert.exec();
  return connection_.db().getLastInsertRowid();
}

std::optional<LastCommand> LastCommandOf(Connection& connection, int64_t unit_id) {
  SQLite::Statement query(connection.db(), kLastCommand);
  query.bind(":unit_id", unit_id);
  if (!query.executeStep()) return std::nullopt;
  LastCommand last{query.getColumn(0).getInt64(),
                   query.getColumn(1).getString(),
                   query.getColumn(2).getString(),
                   query.getColumn(3).getString(),
                   std::nullopt,
                   std::nullopt};
  if (!query.getColumn(4).isNull()) last.subject_id = query.getColumn(4).getInt64();
  if (!query.getColumn(5).isNull()) last.action_id = query.getColumn(5).getInt64();
  return last;
}

std::vector<EntryRef> LiveEntriesOf(Connection& connection, int64_t journal_id) {
  SQLite::Statement query(connection.db(),
                          std::string(kEntryColumns) +
                              " WHERE p.journal_id = :journal_id AND NOT EXISTS (SELECT 1 FROM "
                              "retraction r WHERE r.progress_log_id = p.id) ORDER BY p.id");
  query.bind(":journal_id", journal_id);
  std::vector<EntryRef> entries;
  while (query.executeStep()) entries.push_back(EntryFrom(query));
  return entries;
}

std::vector<int64_t> LiveValuesOf(Connection& connection, int64_t journal_id) {
  SQLite::Statement query(connection.db(), kLiveValues);
  query.bind(":journal_id", journal_id);
  std::vector<int64_t> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
  return ids;
}

void RetractValue(Connection& connection, int64_t value_id, int64_t unit_id,
                  const std::string& recorded_at, const std::string& reason, int64_t journal_id) {
  SQLite::Statement insert(connection.db(), kRetractValue);
  insert.bind(":value_id", value_id);
  insert.bind(":unit_id", unit_id);
  insert.bind(":recorded_at", recorded_at);
  insert.bind(":reason", reason);
  insert.bind(":journal_id", journal_id);
  insert.exec();
}

}  // namespace plantrack::store
