#include "store/record_codec.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <array>
#include <memory>

#include "domain/civil_date.h"
#include "store/json_line.h"

namespace plantrack::store {
namespace {

constexpr const char* kJournal = R"sql(
  SELECT j.id, coalesce(j.uid, ''), j.kind, j.unit_id, coalesce(u.slug, ''), j.recorded_at,
         j.command, j.detail, j.packet_id
    FROM journal j LEFT JOIN unit u ON u.id = j.unit_id
   WHERE j.id BETWEEN :from AND :to ORDER BY j.id
)sql";

// "UID/N" of a progress entry or an indicator value: the N-th such row its record wrote.
#define PLANTRACK_ROW_REF(table, alias)                                                       \
  "coalesce((SELECT j.uid FROM journal j WHERE j.id = " alias                                 \
  ".journal_id), '') || '/' || (SELECT count(*) FROM " table " q WHERE q.journal_id = " alias \
  ".journal_id AND q.id <= " alias ".id)"

// One query per covered table, each ordered by (journal_id, id) through its journal index.
// Columns 0 and 1 are always journal_id and the row id.
constexpr std::array<const char*, kRowTables> kRows = {
    R"sql(SELECT p.journal_id, p.id, a.code, u.slug, p.logged_on, p.recorded_at, p.percent,
                 p.status, p.note, p.source
            FROM progress_log p JOIN action a ON a.id = p.action_id JOIN unit u ON u.id = p.unit_id
           WHERE p.journal_id BETWEEN :from AND :to ORDER BY p.journal_id, p.id)sql",
    "SELECT r.journal_id, r.id, " PLANTRACK_ROW_REF("progress_log", "p") R"sql(, u.slug,
                 r.recorded_at, r.reason
            FROM retraction r JOIN progress_log p ON p.id = r.progress_log_id
            JOIN unit u ON u.id = r.unit_id
           WHERE r.journal_id BETWEEN :from AND :to ORDER BY r.journal_id, r.id)sql",
    R"sql(SELECT v.journal_id, v.id, i.code, u.slug, v.as_of, v.value, v.note, v.source,
                 v.recorded_at
            FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
            LEFT JOIN unit u ON u.id = v.unit_id
           WHERE v.journal_id BETWEEN :from AND :to ORDER BY v.journal_id, v.id)sql",
    "SELECT r.journal_id, r.id, " PLANTRACK_ROW_REF("indicator_value", "v") R"sql(, u.slug,
                 r.recorded_at, r.reason
            FROM indicator_value_retraction r JOIN indicator_value v ON v.id = r.indicator_value_id
            JOIN unit u ON u.id = r.unit_id
           WHERE r.journal_id BETWEEN :from AND :to ORDER BY r.journal_id, r.id)sql",
    R"sql(SELECT e.journal_id, e.id, m.code, e.done_on, u.slug, e.recorded_at
            FROM milestone_event e JOIN milestone m ON m.id = e.milestone_id
            JOIN unit u ON u.id = e.unit_id
           WHERE e.journal_id BETWEEN :from AND :to ORDER BY e.journal_id, e.id)sql",
    R"sql(SELECT a.journal_id, a.id, u.slug, a.period, a.event, b.slug, a.recorded_at,
                 a.partial, a.note
            FROM approval a JOIN unit u ON u.id = a.unit_id JOIN unit b ON b.id = a.by_unit_id
           WHERE a.journal_id BETWEEN :from AND :to ORDER BY a.journal_id, a.id)sql",
    R"sql(SELECT s.journal_id, s.id, c.uid, s.decision, u.slug, s.recorded_at, s.reason
            FROM conflict_settlement s JOIN conflict c ON c.id = s.conflict_id
            JOIN unit u ON u.id = s.unit_id
           WHERE s.journal_id BETWEEN :from AND :to ORDER BY s.journal_id, s.id)sql",
};
#undef PLANTRACK_ROW_REF

// Which covered tables hold rows of the walk's range, one index probe each. Preparing a covered
// table's query costs more than running it for the one record a write seals, so a table without
// rows in the range is not prepared at all.
constexpr const char* kTablesInRange = R"sql(
  SELECT EXISTS (SELECT 1 FROM progress_log WHERE journal_id BETWEEN :from AND :to),
         EXISTS (SELECT 1 FROM retraction WHERE journal_id BETWEEN :from AND :to),
         EXISTS (SELECT 1 FROM indicator_value WHERE journal_id BETWEEN :from AND :to),
         EXISTS (SELECT 1 FROM indicator_value_retraction WHERE journal_id BETWEEN :from AND :to),
         EXISTS (SELECT 1 FROM milestone_event WHERE journal_id BETWEEN :from AND :to),
         EXISTS (SELECT 1 FROM approval WHERE journal_id BETWEEN :from AND :to),
         EXISTS (SELECT 1 FROM conflict_settlement WHERE journal_id BETWEEN :from AND :to)
)sql";

constexpr std::array<std::string_view, kRowTables> kTableNames = {
    "progress_log",    "retraction", "indicator_value",    "indicator_value_retraction",
    "milestone_event", "approval",   "conflict_settlement"};
constexpr std::array<std::string_view, kRowTables> kTags = {
    "entry", "retraction", "value", "value-retraction", "milestone", "approval", "settlement"};

}  // namespace

void EncodeEntry(const EntryLine& entry, std::string& line) {
  JsonLine json(line);
  json.Text("t", kTags[static_cast<int>(RowTable::kEntry)]);
  json.Text("action", entry.action);
  json.Text("unit", entry.unit);
  json.Text("logged_on", entry.logged_on);
  json.Text("recorded_at", entry.recorded_at);
  json.Integer("percent", entry.percent);
  json.Text("status", entry.status);
  json.Text("note", entry.note);
  json.Text("source", entry.source);
  json.Close();
}

namespace {

std::string_view Text(SQLite::Statement& query, int column) {
  const auto& value = query.getColumn(column);
  return {static_cast<const char*>(value.getText()), static_cast<size_t>(value.getBytes())};
}

// Encodes the current row of `query` (a row of `table`) as its line.
void EncodeRow(RowTable table, SQLite::Statement& query, std::string& line) {
  if (table == RowTable::kEntry) {
    return EncodeEntry(
        {Text(query, 2), Text(query, 3), Text(query, 4), Text(query, 5),
         query.getColumn(6).getInt64(), Text(query, 7), Text(query, 8), Text(query, 9)},
        line);
  }
  JsonLine json(line);
  json.Text("t", kTags[static_cast<int>(table)]);
  auto optional_text = [&](std::string_view key, int column) {
    query.getColumn(column).isNull() ? json.Null(key) : json.Text(key, Text(query, column));
  };
  switch (table) {
    case RowTable::kEntry:
      break;  // above
    case RowTable::kRetraction:
    case RowTable::kValueRetraction:
      json.Text(table == RowTable::kRetraction ? "entry" : "value", Text(query, 2));
      json.Text("unit", Text(query, 3));
      json.Text("recorded_at", Text(query, 4));
      json.Text("reason", Text(query, 5));
      break;
    case RowTable::kValue:
      json.Text("indicator", Text(query, 2));
      optional_text("unit", 3);
      json.Text("as_of", Text(query, 4));
      json.Number("value", query.getColumn(5).getDouble());
      json.Text("note", Text(query, 6));
      json.Text("source", Text(query, 7));
      optional_text("recorded_at", 8);
      break;
    case RowTable::kMilestone:
      json.Text("milestone", Text(query, 2));
      optional_text("done_on", 3);
      json.Text("unit", Text(query, 4));
      json.Text("recorded_at", Text(query, 5));
      break;
    case RowTable::kApproval:
      json.Text("unit", Text(query, 2));
      json.Text("period", Text(query, 3));
      json.Text("event", Text(query, 4));
      json.Text("by", Text(query, 5));
      json.Text("recorded_at", Text(query, 6));
      json.Integer("partial", query.getColumn(7).getInt64());
      json.Text("note", Text(query, 8));
      break;
    case RowTable::kSettlement:
      json.Text("conflict", Text(query, 2));
      json.Text("decision", Text(query, 3));
      json.Text("unit", Text(query, 4));
      json.Text("recorded_at", Text(query, 5));
      json.Text("reason", Text(query, 6));
      break;
  }
  json.Close();
}

// Encodes the current row of kJournal as the record's header line.
void EncodeHeader(SQLite::Statement& journal, std::string& line) {
  JsonLine header(line);
  header.Text("record", Text(journal, 1));
  header.Text("kind", Text(journal, 2));
  header.Text("unit", Text(journal, 4));
  header.Text("recorded_at", Text(journal, 5));
  header.Text("command", Text(journal, 6));
  header.Text("detail", Text(journal, 7));
  header.Close();
}

// A cursor over one covered table, one row ahead.
struct RowCursor {
  std::unique_ptr<SQLite::Statement> query;
  bool has_row = false;
  int64_t journal_id() const { return query->getColumn(0).getInt64(); }
  int64_t row_id() const { return query->getColumn(1).getInt64(); }
  void Advance() { has_row = query->executeStep(); }
};

void ReportNullJournalRows(Connection& connection, RecordVisitor& visitor) {
  for (int t = 0; t < kRowTables; ++t) {
    SQLite::Statement query(connection.db(), fmt::format("SELECT id FROM {} WHERE journal_id IS "
                                                         "NULL ORDER BY id",
                                                         kTableNames[t]));
    while (query.executeStep()) {
      visitor.Orphan(static_cast<RowTable>(t), query.getColumn(0).getInt64(), std::nullopt);
    }
  }
}

constexpr std::string_view kRange = "BETWEEN :from AND :to";

// A walk's query: `sql` as written (its one `COLUMN BETWEEN :from AND :to`), or with a
// selection, `COLUMN IN (selection)` in its place.
std::string WalkQuery(std::string_view sql, const WalkOptions& options) {
  if (!options.selection) return std::string(sql);
  const size_t range = sql.find(kRange);
  const size_t column = sql.find_last_of(" \n(", range - 2) + 1;
  return fmt::format("{}{} IN ({}){}", sql.substr(0, column),
                     sql.substr(column, range - 1 - column), options.selection,
                     sql.substr(range + kRange.size()));
}

void BindWalk(SQLite::Statement& query, const WalkOptions& options) {
  if (options.selection) {
    query.bind(":unit_id", options.selection_unit);
  } else {
    query.bind(":from", options.from_journal_id);
    query.bind(":to", options.to_journal_id);
  }
}

}  // namespace

std::string_view RowTableName(RowTable table) { return kTableNames[static_cast<int>(table)]; }
std::string_view RowTag(RowTable table) { return kTags[static_cast<int>(table)]; }

void WalkRecords(Connection& connection, const WalkOptions& options, RecordVisitor& visitor) {
  SQLite::Statement journal(connection.db(), WalkQuery(kJournal, options));
  BindWalk(journal, options);
  std::array<RowCursor, kRowTables> cursors;
  std::array<bool, kRowTables> tables;
  tables.fill(true);
  if (!options.selection) {
    SQLite::Statement in_range(connection.db(), kTablesInRange);
    BindWalk(in_range, options);
    in_range.executeStep();
    for (int t = 0; t < kRowTables; ++t) tables[t] = in_range.getColumn(t).getInt() != 0;
  }
  if (options.skip_entries) tables[static_cast<int>(RowTable::kEntry)] = false;
  for (int t = 0; t < kRowTables; ++t) {
    if (!tables[t]) continue;  // no rows: no cursor, has_row false
    cursors[t].query =
        std::make_unique<SQLite::Statement>(connection.db(), WalkQuery(kRows[t], options));
    BindWalk(*cursors[t].query, options);
    cursors[t].Advance();
  }
  auto skip_orphans_before = [&](int64_t journal_id) {
    for (int t = 0; t < kRowTables; ++t) {
      while (cursors[t].has_row && cursors[t].journal_id() < journal_id) {
        if (options.report_orphans) {
          visitor.Orphan(static_cast<RowTable>(t), cursors[t].row_id(), cursors[t].journal_id());
        }
        cursors[t].Advance();
      }
    }
  };
  RecordInfo record;
  std::string line;
  while (journal.executeStep()) {
    record.journal_id = journal.getColumn(0).getInt64();
    record.uid = journal.getColumn(1).getString();
    record.kind = journal.getColumn(2).getString();
    record.unit_id = journal.getColumn(3).isNull()
                         ? std::nullopt
                         : std::optional<int64_t>(journal.getColumn(3).getInt64());
    record.packet_id = journal.getColumn(8).isNull()
                           ? std::nullopt
                           : std::optional<int64_t>(journal.getColumn(8).getInt64());
    record.header.clear();
    EncodeHeader(journal, record.header);
    skip_orphans_before(record.journal_id);
    visitor.Begin(record);
    for (int t = 0; t < kRowTables; ++t) {
      RowCursor& cursor = cursors[t];
      while (cursor.has_row && cursor.journal_id() == record.journal_id) {
        line.clear();
        EncodeRow(static_cast<RowTable>(t), *cursor.query, line);
        visitor.Row(static_cast<RowTable>(t), line);
        cursor.Advance();
      }
    }
    visitor.End();
  }
  if (options.report_orphans) {
    skip_orphans_before(INT64_MAX);
    ReportNullJournalRows(connection, visitor);
  }
}

std::string RecordHeader(Connection& connection, int64_t journal_id) {
  SQLite::Statement journal(connection.db(), kJournal);
  journal.bind(":from", journal_id);
  journal.bind(":to", journal_id);
  std::string line;
  if (journal.executeStep()) EncodeHeader(journal, line);
  return line;
}

void RecordHasher::Line(std::string_view line) {
  hasher_.Add(line);
  hasher_.Add("\n");
}

std::string NewRecordUid(std::string_view recorded_at) {
  if (!domain::IsIsoTimestamp(recorded_at)) return domain::ToHex(domain::RandomBytes(16));
  const auto day = domain::ParseIsoDate(recorded_at.substr(0, 10));
  auto digits = [&](size_t at) {
    return (recorded_at[at] - '0') * 10 + (recorded_at[at + 1] - '0');
  };
  const int64_t seconds = int64_t{date::sys_days(*day).time_since_epoch().count()} * 86'400 +
                          digits(11) * 3'600 + digits(14) * 60 + digits(17);
  return fmt::format("{:010x}", seconds < 0 ? 0 : seconds) + domain::ToHex(domain::RandomBytes(11));
}

}  // namespace plantrack::store
