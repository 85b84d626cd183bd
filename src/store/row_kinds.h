#pragma once
// What each kind of plan row is, in one table: its file and JSON name, its columns and how each
// is checked, the code it registers, its upsert and its export query; and what each kind of code
// is (the table it lives in, how to list it, the other names a unit goes by). Import, export,
// packets, the fixture load and every code lookup read these tables, so a new kind of row is one
// entry in row_kinds.cpp (plus its rules in domain/, if it has any).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace plantrack::store {

// In the order rows must be loaded (parents before children).
enum class RowKind {
  kPlan,
  kTaskAreas,
  kUnits,
  kActions,
  kResponsibilities,
  kMilestones,
  kIndicators,
  kIndicatorTargets,
  kIndicatorValues,
  kProgress
};

// The kinds of code a command or a row may name.
enum class CodeKind { kPlan, kArea, kUnit, kAction, kMilestone, kIndicator };

struct CodeSpec {
  CodeKind kind;
  std::string_view name;       // in messages: "unknown unit 'x'"
  std::string_view code_word;  // what its code is called: "slug" or "code"
  const char* ids;             // code, id of every row
  const char* exact;           // :code -> 1 row when the code is stored as typed
  const char* all_names;       // code, then its other names (may be empty), by code
};

const CodeSpec& SpecOf(CodeKind kind);
inline std::string_view NameOf(CodeKind kind) { return SpecOf(kind).name; }

// How an imported column is parsed and bound.
enum class Field {
  kText,
  kRequiredText,
  kDate,
  kOptionalDate,
  kInteger,
  kNumber,
  kRef,  // a code of `Column::refers`, bound as its id
  kOptionalRef
};

// Which text rule of domain/text_rules.h a column meets: none (codes and closed lists are
// checked on their own), one line, or a paragraph (newlines allowed).
enum class TextRule { kNone, kLine, kParagraph };

struct Column {
  std::string_view name;  // CSV header, JSON key and the upsert's :parameter
  Field field = Field::kText;
  std::optional<CodeKind> refers = {};
  TextRule text = TextRule::kNone;
};

struct KindSpec {
  RowKind kind;
  std::string_view name;  // file stem and JSON key: "units", "progress", ...
  std::vector<Column> columns;
  std::optional<CodeKind> registers;  // the code its first column adds, if any
  size_t key_columns = 1;             // how many leading columns identify the row
  const char* export_rows = nullptr;  // the columns, in order, as the import reads them
  // Structure only (null for entries and values, which import_entries.cpp appends):
  const char* upsert = nullptr;
  const char* existing_keys = nullptr;  // kinds without a code: their keys, joined by '|'

  // True for the plan's structure, which is upserted by key; false for appended rows.
  bool structural() const { return upsert != nullptr; }
};

// Every kind, in the order rows must be loaded.
std::span<const KindSpec> KindSpecs();
const KindSpec& SpecOf(RowKind kind);
std::optional<RowKind> KindNamed(std::string_view name);
// The kind whose columns are exactly `header` (in any order).
std::optional<RowKind> KindOfHeader(const std::vector<std::string>& header);

// Where each of the kind's columns sits in `header`; a message naming the first missing or
// unexpected column otherwise.
Result<std::vector<size_t>> ColumnPositions(const KindSpec& spec,
                                            const std::vector<std::string>& header);

}  // namespace plantrack::store
