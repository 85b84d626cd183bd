#include "store/plan_import.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "domain/numbers.h"
#include "domain/text_rules.h"
#include "store/progress_store.h"

namespace plantrack::store {
namespace {

enum class Field {
  kText,
  kRequiredText,
  kDate,
  kOptionalDate,
  kInteger,
  kNumber,
  kRef,
  kOptionalRef
};

struct Column {
  std::string_view name;
  Field field = Field::kText;
  std::string_view refers = {};  // for refs: "unit", "action", ...
};

// How a structural kind is checked and upserted: its columns (bound as :name), the code kind it
// registers (its first column), and the statement. Key columns decide "the same row".
struct Structure {
  RowKind kind;
  std::vector<Column> columns;
  std::string_view registers;  // "" when the kind has no code of its own
  size_t key_columns;          // how many leading columns identify the row
  const char* upsert;
  const char* existing_keys = nullptr;  // for kinds without a code: their keys, joined by '|'
};

const std::vector<Structure>& Structures() {
  static const std::vector<Structure> kStructures = {
      {RowKind::kPlan,
       {{"code", Field::kRequiredText},
        {"title_en", Field::kRequiredText},
        {"title_zh"},
        {"issued_on", Field::kDate},
        {"near_horizon", Field::kDate},
        {"far_horizon", Field::kDate},
        {"source"}},
       "plan",
       1,
       R"sql(INSERT INTO plan (code, title_en, title_zh, issued_on, near_horizon, far_horizon, source)
             VALUES (:code, :title_en, :title_zh, :issued_on, :near_horizon, :far_horizon, :source)
             ON CONFLICT (code) DO UPDATE SET title_en = excluded.title_en,
               title_zh = excluded.title_zh, issued_on = excluded.issued_on,
               near_horizon = excluded.near_horizon, far_horizon = excluded.far_horizon,
               source = excluded.source)sql"},
      {RowKind::kTaskAreas,
       {{"code", Field::kRequiredText},
        {"title_en", Field::kRequiredText},
        {"title_zh"},
        {"description"}},
       "area",
       1,
       R"sql(INSERT INTO task_area (plan_id, code, title_en, title_zh, description)
             VALUES ((SELECT min(id) FROM plan), :code, :title_en, :title_zh, :description)
             ON CONFLICT (code) DO UPDATE SET title_en = excluded.title_en,
               title_zh = excluded.title_zh, description = excluded.description)sql"},
      {RowKind::kUnits,
       {{"slug", Field::kRequiredText},
        {"name_en", Field::kRequiredText},
        {"name_zh"},
        {"kind", Field::kRequiredText},
        {"parent", Field::kOptionalRef, "unit"},
        {"coordinator", Field::kInteger},
        {"source"}},
       "unit",
       1,
       R"sql(INSERT INTO unit (slug, name_en, name_zh, kind, parent_id, coordinator, source)
             VALUES (:slug, :name_en, :name_zh, :kind, :parent, :coordinator, :source)
             ON CONFLICT (slug) DO UPDATE SET name_en = excluded.name_en,
               name_zh = excluded.name_zh, kind = excluded.kind, parent_id = excluded.parent_id,
               coordinator = excluded.coordinator, source = excluded.source)sql"},
      {RowKind::kActions,
       {{"code", Field::kRequiredText},
        {"area", Field::kRef, "area"},
        {"title_en", Field::kRequiredText},
        {"title_zh"},
        {"horizon", Field::kInteger},
        {"start_on", Field::kDate},
        {"due_on", Field::kDate},
        {"weight", Field::kNumber},
        {"source"}},
       "action",
       1,
       R"sql(INSERT INTO action (code, task_area_id, title_en, title_zh, horizon, start_on, due_on,
                                 weight, source)
             VALUES (:code, :area, :title_en, :title_zh, :horizon, :start_on, :due_on, :weight,
                     :source)
             ON CONFLICT (code) DO UPDATE SET task_area_id = excluded.task_area_id,
               title_en = excluded.title_en, title_zh = excluded.title_zh,
               horizon = excluded.horizon, start_on = excluded.start_on,
               due_on = excluded.due_on, weight = excluded.weight, source = excluded.source)sql"},
      {RowKind::kResponsibilities,
       {{"action", Field::kRef, "action"},
        {"unit", Field::kRef, "unit"},
        {"role", Field::kRequiredText}},
       "",
       2,
       R"sql(INSERT INTO responsibility (action_id, unit_id, role) VALUES (:action, :unit, :role)
             ON CONFLICT (action_id, unit_id) DO UPDATE SET role = excluded.role)sql",
       R"sql(SELECT a.code || '|' || u.slug FROM responsibility r
               JOIN action a ON a.id = r.action_id JOIN unit u ON u.id = r.unit_id)sql"},
      {RowKind::kMilestones,
       {{"code", Field::kRequiredText},
        {"action", Field::kRef, "action"},
        {"title_en", Field::kRequiredText},
        {"title_zh"},
        {"due_on", Field::kDate},
        {"done_on", Field::kOptionalDate}},
       "milestone",
       1,
       R"sql(INSERT INTO milestone (code, action_id, title_en, title_zh, due_on, done_on)
             VALUES (:code, :action, :title_en, :title_zh, :due_on, :done_on)
             ON CONFLICT (code) DO UPDATE SET action_id = excluded.action_id,
               title_en = excluded.title_en, title_zh = excluded.title_zh,
               due_on = excluded.due_on, done_on = excluded.done_on)sql"},
      {RowKind::kIndicators,
       {{"code", Field::kRequiredText},
        {"name_en", Field::kRequiredText},
        {"name_zh"},
        {"measure_unit"},
        {"direction", Field::kRequiredText},
        {"baseline_value", Field::kNumber},
        {"baseline_year", Field::kInteger},
        {"source"},
        {"scope"}},
       "indicator",
       1,
       R"sql(INSERT INTO indicator (code, name_en, name_zh, measure_unit, direction,
                                    baseline_value, baseline_year, source, scope)
             VALUES (:code, :name_en, :name_zh, :measure_unit, :direction, :baseline_value,
                     :baseline_year, :source, :scope)
             ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en,
               name_zh = excluded.name_zh, measure_unit = excluded.measure_unit,
               direction = excluded.direction, baseline_value = excluded.baseline_value,
               baseline_year = excluded.baseline_year, source = excluded.source,
               scope = excluded.scope)sql"},
      {RowKind::kIndicatorTargets,
       {{"indicator", Field::kRef, "indicator"},
        {"horizon", Field::kInteger},
        {"value", Field::kNumber},
        {"source"}},
       "",
       2,
       R"sql(INSERT INTO indicator_target (indicator_id, horizon, value, source)
             VALUES (:indicator, :horizon, :value, :source)
             ON CONFLICT (indicator_id, horizon) DO UPDATE SET value = excluded.value,
               source = excluded.source)sql",
       R"sql(SELECT i.code || '|' || t.horizon FROM indicator_target t
               JOIN indicator i ON i.id = t.indicator_id)sql"},
  };
  return kStructures;
}

constexpr const char* kCodesOf[][2] = {
    {"plan", "SELECT code, id FROM plan"},
    {"area", "SELECT code, id FROM task_area"},
    {"unit", "SELECT slug, id FROM unit"},
    {"action", "SELECT code, id FROM action"},
    {"milestone", "SELECT code, id FROM milestone"},
    {"indicator", "SELECT code, id FROM indicator"},
};

}  // namespace

std::span<const KindSpec> KindSpecs() {
  static const std::vector<KindSpec> kSpecs = [] {
    std::vector<KindSpec> specs;
    const std::string_view names[] = {"plan",       "task_areas",       "units",
                                      "actions",    "responsibilities", "milestones",
                                      "indicators", "indicator_targets"};
    for (size_t i = 0; i < Structures().size(); ++i) {
      KindSpec spec{Structures()[i].kind, names[i], {}};
      for (const Column& column : Structures()[i].columns) spec.columns.push_back(column.name);
      specs.push_back(spec);
    }
    specs.push_back({RowKind::kIndicatorValues,
                     "indicator_values",
                     {"indicator", "as_of", "value", "unit", "source"}});
    specs.push_back(
        {RowKind::kProgress,
         "progress",
         {"action", "unit", "logged_on", "recorded_at", "percent", "status", "note", "source"}});
    return specs;
  }();
  return kSpecs;
}

const KindSpec& SpecOf(RowKind kind) {
  for (const KindSpec& spec : KindSpecs()) {
    if (spec.kind == kind) return spec;
  }
  return KindSpecs().front();
}

std::optional<RowKind> KindNamed(std::string_view name) {
  for (const KindSpec& spec : KindSpecs()) {
    if (spec.name == name) return spec.kind;
  }
  return std::nullopt;
}

std::optional<RowKind> KindOfHeader(const std::vector<std::string>& header) {
  std::set<std::string_view> given(header.begin(), header.end());
  for (const KindSpec& spec : KindSpecs()) {
    if (std::set<std::string_view>(spec.columns.begin(), spec.columns.end()) == given) {
      return spec.kind;
    }
  }
  return std::nullopt;
}

Result<std::vector<size_t>> ColumnPositions(const KindSpec& spec,
                                            const std::vector<std::string>& header) {
  std::vector<size_t> positions;
  for (std::string_view column : spec.columns) {
    auto found = std::find(header.begin(), header.end(), column);
    if (found == header.end()) return Status::BadData(fmt::format("missing column '{}'", column));
    positions.push_back(static_cast<size_t>(found - header.begin()));
  }
  for (const std::string& column : header) {
    if (std::find(spec.columns.begin(), spec.columns.end(), column) == spec.columns.end()) {
      return Status::BadData(fmt::format("unexpected column '{}' in a {} file", column, spec.name));
    }
  }
  return positions;
}

std::string ImportRow::Where() const {
  return where.empty() ? fmt::format("{}:{}", file, line) : where;
}

Importer::~Importer() {
  try {
    SkipSchemaChecks(false);  // in case Finish was not reached
  } catch (const SQLite::Exception&) {
    // The connection is going away with the failed command; nothing is left to protect.
  }
}

void Importer::Finish() {
  FlushProgress();
  SkipSchemaChecks(false);
}

SQLite::Statement& Importer::Prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql) {
  if (!slot) slot = std::make_unique<SQLite::Statement>(connection_.db(), sql);
  slot->tryReset();  // reset() would throw again the error of a failed last run
  slot->clearBindings();
  return *slot;
}

Importer::Ids& Importer::IdsOf(std::string_view kind) {
  auto found = ids_.find(kind);
  if (found != ids_.end()) return found->second;
  Ids& ids = ids_[std::string(kind)];
  for (const auto& [name, sql] : kCodesOf) {
    if (name != kind) continue;
    SQLite::Statement query(connection_.db(), sql);
    while (query.executeStep()) ids[query.getColumn(0).getString()] = query.getColumn(1).getInt64();
  }
  return ids;
}

std::optional<int64_t> Importer::Ref(const ImportRow& row, std::string_view kind,
                                     const std::string& code) {
  Ids& ids = IdsOf(kind);
  if (auto found = ids.find(code); found != ids.end()) return found->second;
  // As typed (`t3.07`, a unit's name): the one resolution of store/codes.h, as commands use it.
  if (auto typed = StoredCode(connection_, kind, code); typed && *typed != code)
    return Ref(row, kind, *typed);
  Error(row, fmt::format("unknown {} '{}'", kind, code));
  return std::nullopt;
}

std::optional<int64_t> Importer::Ref(const ImportRow& row, std::string_view kind,
                                     const std::string& code, LastRef& last) {
  if (last.id != 0 && last.code == code) return last.id;
  auto id = Ref(row, kind, code);
  if (id) last = {code, *id};
  return id;
}

void Importer::Add(RowKind kind, const ImportRow& row) {
  if (kind != RowKind::kProgress) FlushProgress();
  SkipSchemaChecks(kind == RowKind::kProgress);
  if (kind == RowKind::kProgress) return AddProgress(row);
  if (kind == RowKind::kIndicatorValues) return AddIndicatorValue(row);
  if (options_.writer && !options_.writer->coordinator) {
    return Error(row, fmt::format("{} is not a coordinator: only coordinators may change the "
                                  "plan's structure",
                                  options_.writer->slug));
  }
  AddStructure(kind, row);
}

void Importer::AddStructure(RowKind kind, const ImportRow& row) {
  const Structure& structure = *std::find_if(Structures().begin(), Structures().end(),
                                             [&](const Structure& s) { return s.kind == kind; });
  std::string key;
  for (size_t i = 0; i < structure.key_columns; ++i) key += (i ? "|" : "") + row.fields[i];
  auto [seen, first] = seen_.emplace(std::pair(kind, key), row.Where());
  if (!first) {
    return Error(row, fmt::format("{} '{}' appears twice (first at {})", structure.columns[0].name,
                                  key, seen->second));
  }
  if (kind == RowKind::kMilestones && IdsOf("action").contains(row.fields[1])) {
    // A completion changed in a locked quarter is refused, as `done` is (done_on comes last).
    const int64_t action = IdsOf("action")[row.fields[1]];
    auto locked = locks_.CheckMilestone(row.fields[0], action, row.fields.back());
    if (locked) return Error(row, *locked);
  }
  SQLite::Statement upsert(connection_.db(), structure.upsert);
  bool exists = false;
  for (size_t i = 0; i < structure.columns.size(); ++i) {
    const Column& column = structure.columns[i];
    const std::string& text = row.fields[i];
    const std::string param = fmt::format(":{}", column.name);
    switch (column.field) {
      case Field::kText:
        upsert.bind(param, text);
        break;
      case Field::kRequiredText:
        if (!domain::SaysSomething(text)) {
          return Error(row, fmt::format("{} is empty", column.name));
        }
        upsert.bind(param, text);
        break;
      case Field::kDate:
      case Field::kOptionalDate:
        if (text.empty() && column.field == Field::kOptionalDate) {
          upsert.bind(param);
        } else if (!domain::ParseIsoDate(text)) {
          return Error(row,
                       fmt::format("{} '{}' is not a valid date (YYYY-MM-DD)", column.name, text));
        } else {
          upsert.bind(param, text);
        }
        break;
      case Field::kInteger:
        if (auto value = domain::ParseInteger(text)) {
          upsert.bind(param, *value);
        } else {
          return Error(row, fmt::format("{} '{}' is not a whole number", column.name, text));
        }
        break;
      case Field::kNumber:
        if (auto value = domain::ParseNumber(text)) {
          upsert.bind(param, *value);
        } else {
          return Error(row, fmt::format("{} '{}' is not a number", column.name, text));
        }
        break;
      case Field::kRef:
      case Field::kOptionalRef:
        if (text.empty() && column.field == Field::kOptionalRef) {
          upsert.bind(param);
        } else if (auto id = Ref(row, column.refers, text)) {
          upsert.bind(param, *id);
        } else {
          return;  // Ref reported it
        }
        break;
    }
  }
  // The rules `add` applies (domain/structure_rules.h), with the text rules on every text.
  if (auto problem = StructureProblem(kind, row.fields)) return Error(row, *problem);
  if (!structure.registers.empty()) {
    exists = IdsOf(structure.registers).contains(row.fields[0]);
  } else {
    auto [keys, fresh] = existing_keys_.try_emplace(kind);
    if (fresh) {
      SQLite::Statement query(connection_.db(), structure.existing_keys);
      while (query.executeStep()) keys->second.insert(query.getColumn(0).getString());
    }
    exists = !keys->second.insert(key).second;
  }
  try {
    upsert.exec();
  } catch (const SQLite::Exception& e) {
    if (IsMachineError(e.getErrorCode())) throw;  // a full disk is one error, not one per row
    return Error(row, fmt::format("refused by the database: {}", e.what()));
  }
  if (!structure.registers.empty() && !exists) {
    IdsOf(structure.registers)[row.fields[0]] = connection_.db().getLastInsertRowid();
  }
  if (kind == RowKind::kPlan) plan_dates_stale_ = true;
  if (kind == RowKind::kIndicators) indicators_.clear();  // read again at the next value
  ++(exists ? counts_[kind].updated : counts_[kind].inserted);
}

}  // namespace plantrack::store
