#include "store/plan_import.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "domain/numbers.h"
#include "domain/text_rules.h"
#include "store/progress_store.h"

namespace plantrack::store {

std::string ImportRow::Where() const {
  return where.empty() ? fmt::format("{}:{}", file, line) : where;
}

Importer::~Importer() {
  try {
    connection_.SkipSchemaChecks(false);  // in case Finish was not reached
  } catch (const SQLite::Exception&) {
    // The connection is going away with the failed command; nothing is left to protect.
  }
}

void Importer::Finish() {
  FlushProgress();
  connection_.SkipSchemaChecks(false);
  if (error_count_ == 0) seal_.Finish();  // refused, the import is rolled back unsealed
}

SQLite::Statement& Importer::Prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql) {
  if (!slot) slot = std::make_unique<SQLite::Statement>(connection_.db(), sql);
  slot->tryReset();  // reset() would throw again the error of a failed last run
  slot->clearBindings();
  return *slot;
}

Importer::Ids& Importer::IdsOf(CodeKind kind) {
  auto [found, fresh] = ids_.try_emplace(kind);
  if (fresh) {
    SQLite::Statement query(connection_.db(), SpecOf(kind).ids);
    while (query.executeStep()) {
      found->second[query.getColumn(0).getString()] = query.getColumn(1).getInt64();
    }
  }
  return found->second;
}

std::optional<int64_t> Importer::Ref(const ImportRow& row, CodeKind kind, const std::string& code,
                                     std::string* stored) {
  Ids& ids = IdsOf(kind);
  if (auto found = ids.find(code); found != ids.end()) {
    if (stored) *stored = found->first;
    return found->second;
  }
  // As typed (`t3.07`, a unit's name): the one resolution of store/codes.h, as commands use it.
  if (auto typed = StoredCode(connection_, kind, code); typed && *typed != code)
    return Ref(row, kind, *typed, stored);
  Error(row, fmt::format("unknown {} '{}'", NameOf(kind), code));
  return std::nullopt;
}

std::optional<int64_t> Importer::Ref(const ImportRow& row, CodeKind kind, const std::string& code,
                                     LastRef& last) {
  if (last.id != 0 && last.code == code) return last.id;
  std::string stored;
  auto id = Ref(row, kind, code, &stored);
  if (id) last = {code, std::move(stored), *id};
  return id;
}

void Importer::Add(RowKind kind, const ImportRow& row) {
  if (kind != RowKind::kProgress) FlushProgress();
  // A progress row has passed every rule of the schema's CHECKs on progress_log before it is
  // inserted (tests/store/check_parity_test.cpp holds the two in agreement), and its action,
  // unit and journal are rows the importer found, so its insert runs without the CHECKs and
  // the foreign keys: their date functions cost as much as the rest of the insert, the three
  // lookups of its keys a quarter, and a multi-row insert that a key could refuse half way
  // keeps a copy of every page it touches (store/progress_store.h). Every other kind of row is
  // inserted with both on.
  connection_.SkipSchemaChecks(kind == RowKind::kProgress);
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
  const KindSpec& structure = SpecOf(kind);
  std::string key;
  for (size_t i = 0; i < structure.key_columns; ++i) key += (i ? "|" : "") + row.fields[i];
  auto [seen, first] = seen_.emplace(std::pair(kind, key), row.Where());
  if (!first) {
    return Error(row, fmt::format("{} '{}' appears twice (first at {})", structure.columns[0].name,
                                  key, seen->second));
  }
  if (kind == RowKind::kMilestones && IdsOf(CodeKind::kAction).contains(row.fields[1])) {
    // A completion changed in a locked quarter is refused, as `done` is (done_on comes last).
    const int64_t action = IdsOf(CodeKind::kAction)[row.fields[1]];
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
        } else if (auto id = Ref(row, *column.refers, text)) {
          upsert.bind(param, *id);
        } else {
          return;  // Ref reported it
        }
        break;
    }
  }
  // The rules `add` applies (domain/structure_rules.h), with the text rules on every text.
  if (auto problem = StructureProblem(kind, row.fields)) return Error(row, *problem);
  if (structure.registers) {
    exists = IdsOf(*structure.registers).contains(row.fields[0]);
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
  if (structure.registers && !exists) {
    IdsOf(*structure.registers)[row.fields[0]] = connection_.db().getLastInsertRowid();
  }
  if (kind == RowKind::kPlan) plan_dates_stale_ = true;
  if (kind == RowKind::kIndicators) indicators_.clear();  // read again at the next value
  ++(exists ? counts_[kind].updated : counts_[kind].inserted);
}

}  // namespace plantrack::store
