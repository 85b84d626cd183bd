#pragma once
// Reads every kind of plan row back out in the import format (the columns of KindSpecs), in a
// stable order: parents before children, then code order. Progress entries and indicator
// values are exported live only (retractions and the journal stay in the file they belong to),
// so importing an export into an empty file reproduces the same reports.

#include <functional>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/row_kinds.h"

namespace plantrack::store {

struct ExportValue {
  enum class Type { kText, kInteger, kReal, kNull };
  Type type = Type::kText;
  std::string text;  // as SQLite prints it; empty for NULL
};

// Calls `row` once per row of the kind, values in the kind's column order.
void ExportRows(Connection& connection, RowKind kind,
                const std::function<void(const std::vector<ExportValue>&)>& row);

}  // namespace plantrack::store
