#include "store/plan_export.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {

void ExportRows(Connection& connection, RowKind kind,
                const std::function<void(const std::vector<ExportValue>&)>& row) {
  SQLite::Statement query(connection.db(), SpecOf(kind).export_rows);
  std::vector<ExportValue> values(static_cast<size_t>(query.getColumnCount()));
  while (query.executeStep()) {
    for (int i = 0; i < query.getColumnCount(); ++i) {
      SQLite::Column column = query.getColumn(i);
      ExportValue& value = values[static_cast<size_t>(i)];
      value.type = column.isInteger() ? ExportValue::Type::kInteger
                   : column.isFloat() ? ExportValue::Type::kReal
                   : column.isNull()  ? ExportValue::Type::kNull
                                      : ExportValue::Type::kText;
      value.text = column.isNull() ? "" : column.getString();
    }
    row(values);
  }
}

}  // namespace plantrack::store
