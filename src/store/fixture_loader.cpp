#include "store/fixture_loader.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <map>

#include "domain/civil_date.h"
#include "domain/numbers.h"
#include "store/csv_table.h"

namespace plantrack::store {
namespace {

enum class Field { kText, kDate, kInteger, kNumber, kRef };

struct ColumnSpec {
  std::string_view name;
  Field field = Field::kText;
  bool optional = false;         // empty text binds NULL
  std::string_view refers = {};  // for kRef: the kind of code it names ("unit", "action", ...)
};

// One CSV file: its columns, bound by name (":column") into `sql`. When `kind` is set, the
// first column is that kind's code and the new row id is remembered for later references.
struct FileSpec {
  std::string_view file;
  std::string_view kind;
  std::vector<ColumnSpec> columns;
  const char* sql;
};

const std::vector<FileSpec>& Specs() {
  static const std::vector<FileSpec> kSpecs = {
      {"plan.csv",
       "plan",
       {{"code"},
        {"title_en"},
        {"title_zh"},
        {"issued_on", Field::kDate},
        {"near_horizon", Field::kDate},
        {"far_horizon", Field::kDate},
        {"source"}},
       R"sql(INSERT INTO plan (code, title_en, title_zh, issued_on, near_horizon, far_horizon,
                               source)
             VALUES (:code, :title_en, :title_zh, :issued_on, :near_horizon, :far_horizon,
                     :source))sql"},
      {"task_areas.csv",
       "area",
       {{"code"}, {"title_en"}, {"title_zh"}, {"description"}},
       R"sql(INSERT INTO task_area (plan_id, code, title_en, title_zh, description)
             VALUES ((SELECT min(id) FROM plan), :code, :title_en, :title_zh, :description))sql"},
      {"units.csv",
       "unit",
       {{"slug"},
        {"name_en"},
        {"name_zh"},
        {"kind"},
        {"parent", Field::kRef, true, "unit"},
        {"coordinator", Field::kInteger},
        {"source"}},
       R"sql(INSERT INTO unit (slug, name_en, name_zh, kind, parent_id, coordinator, source)
             VALUES (:slug, :name_en, :name_zh, :kind, :parent, :coordinator, :source))sql"},
      {"actions.csv",
       "action",
       {{"code"},
        {"area", Field::kRef, false, "area"},
        {"title_en"},
        {"title_zh"},
        {"horizon", Field::kInteger},
        {"start_on", Field::kDate},
        {"due_on", Field::kDate},
        {"weight", Field::kNumber},
        {"source"}},
       R"sql(INSERT INTO action (code, task_area_id, title_en, title_zh, horizon, start_on,
                                 due_on, weight, source)
             VALUES (:code, :area, :title_en, :title_zh, :horizon, :start_on, :due_on, :weight,
                     :source))sql"},
      {"responsibilities.csv",
       "",
       {{"action", Field::kRef, false, "action"}, {"unit", Field::kRef, false, "unit"}, {"role"}},
       R"sql(INSERT INTO responsibility (action_id, unit_id, role)
             VALUES (:action, :unit, :role))sql"},
      {"milestones.csv",
       "milestone",
       {{"code"},
        {"action", Field::kRef, false, "action"},
        {"title_en"},
        {"title_zh"},
        {"due_on", Field::kDate},
        {"done_on", Field::kDate, true}},
       R"sql(INSERT INTO milestone (code, action_id, title_en, title_zh, due_on, done_on)
             VALUES (:code, :action, :title_en, :title_zh, :due_on, :done_on))sql"},
      {"indicators.csv",
       "indicator",
       {{"code"},
        {"name_en"},
        {"name_zh"},
        {"measure_unit"},
        {"direction"},
        {"baseline_value", Field::kNumber},
        {"baseline_year", Field::kInteger},
        {"source"},
        {"scope"}},
       R"sql(INSERT INTO indicator (code, name_en, name_zh, measure_unit, direction,
                                    baseline_value, baseline_year, source, scope)
             VALUES (:code, :name_en, :name_zh, :measure_unit, :direction, :baseline_value,
                     :baseline_year, :source, :scope))sql"},
      {"indicator_targets.csv",
       "",
       {{"indicator", Field::kRef, false, "indicator"},
        {"horizon", Field::kInteger},
        {"value", Field::kNumber},
        {"source"}},
       R"sql(INSERT INTO indicator_target (indicator_id, horizon, value, source)
             VALUES (:indicator, :horizon, :value, :source))sql"},
      {"indicator_values.csv",
       "",
       {{"indicator", Field::kRef, false, "indicator"},
        {"as_of", Field::kDate},
        {"value", Field::kNumber},
        {"unit", Field::kRef, true, "unit"},
        {"source"}},
       R"sql(INSERT INTO indicator_value (indicator_id, as_of, value, unit_id, source, journal_id)
             VALUES (:indicator, :as_of, :value, :unit, :source, :journal_id))sql"},
      {"progress.csv",
       "",
       {{"action", Field::kRef, false, "action"},
        {"unit", Field::kRef, false, "unit"},
        {"logged_on", Field::kDate},
        {"recorded_at"},
        {"percent", Field::kInteger},
        {"status"},
        {"note"},
        {"source"}},
       R"sql(INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent,
                                       status, note, source, journal_id)
             VALUES (:action, :unit, :logged_on, :recorded_at, :percent, :status, :note,
                     :source, :journal_id))sql"},
  };
  return kSpecs;
}

using IdsByCode = std::map<std::string, std::map<std::string, int64_t, std::less<>>, std::less<>>;

// Binds one field; returns a message when the text is not a value of the column's kind.
Status BindField(SQLite::Statement& insert, const ColumnSpec& column, const std::string& text,
                 const IdsByCode& ids, const std::string& where) {
  const std::string param = fmt::format(":{}", column.name);
  if (text.empty() && column.optional) {
    insert.bind(param);
    return Status::Ok();
  }
  switch (column.field) {
    case Field::kText:
      insert.bind(param, text);
      break;
    case Field::kDate:
      if (!domain::ParseIsoDate(text)) {
        return Status::BadData(
            fmt::format("{}: {} '{}' is not a valid date (YYYY-MM-DD)", where, column.name, text));
      }
      insert.bind(param, text);
      break;
    case Field::kInteger:
      if (auto value = domain::ParseInteger(text)) {
        insert.bind(param, *value);
      } else {
        return Status::BadData(
            fmt::format("{}: {} '{}' is not a whole number", where, column.name, text));
      }
      break;
    case Field::kNumber:
      if (auto value = domain::ParseNumber(text)) {
        insert.bind(param, *value);
      } else {
        return Status::BadData(
            fmt::format("{}: {} '{}' is not a number", where, column.name, text));
      }
      break;
    case Field::kRef: {
      if (auto kind = ids.find(column.refers); kind != ids.end()) {
        if (auto id = kind->second.find(text); id != kind->second.end()) {
          insert.bind(param, id->second);
          break;
        }
      }
      return Status::BadData(fmt::format("{}: unknown {} '{}'", where, column.refers, text));
    }
  }
  return Status::Ok();
}

Status LoadFile(SQLite::Database& db, const FileSpec& spec, const CsvTable& table,
                int64_t journal_id, IdsByCode& ids) {
  std::vector<size_t> positions;
  for (const ColumnSpec& column : spec.columns) {
    auto position = table.Column(column.name);
    if (!position) {
      return Status::BadData(fmt::format("{}:1: missing column '{}'", table.file, column.name));
    }
    positions.push_back(*position);
  }
  if (table.header.size() != spec.columns.size()) {
    std::string expected;
    for (const ColumnSpec& column : spec.columns) {
      expected += expected.empty() ? "" : ",";
      expected += column.name;
    }
    return Status::BadData(
        fmt::format("{}:1: expected exactly the columns {}", table.file, expected));
  }
  SQLite::Statement insert(db, spec.sql);
  const bool tags_journal = insert.getBindParameterCount() > static_cast<int>(spec.columns.size());
  for (const CsvRecord& record : table.records) {
    const std::string where = fmt::format("{}:{}", table.file, record.line);
    insert.reset();
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      Status bound = BindField(insert, spec.columns[i], record.fields[positions[i]], ids, where);
      if (!bound.ok()) return bound;
    }
    if (tags_journal) insert.bind(":journal_id", journal_id);
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      return Status::BadData(fmt::format("{}: refused by the database: {}", where, e.what()));
    }
    // The UNIQUE constraints have already refused a code that appears twice.
    if (!spec.kind.empty()) {
      ids[std::string(spec.kind)][record.fields[positions[0]]] = db.getLastInsertRowid();
    }
  }
  return Status::Ok();
}

}  // namespace

Result<LoadCounts> LoadPlanFiles(SQLite::Database& db, std::span<const EmbeddedFile> files,
                                 int64_t journal_id) {
  LoadCounts counts;
  IdsByCode ids;
  for (const FileSpec& spec : Specs()) {
    const EmbeddedFile* file = nullptr;
    for (const EmbeddedFile& candidate : files) {
      if (candidate.name == spec.file) file = &candidate;
    }
    if (!file) return Status::BadData(fmt::format("the data set has no {}", spec.file));
    Result<CsvTable> table = ParseCsvTable(spec.file, file->text);
    if (!table.ok()) return table.status();
    if (Status loaded = LoadFile(db, spec, *table, journal_id, ids); !loaded.ok()) return loaded;
    counts.emplace_back(std::string(spec.file), static_cast<int>(table->records.size()));
  }
  return counts;
}

}  // namespace plantrack::store
