#include "store/plan_export.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {
namespace {

const char* SqlOf(RowKind kind) {
  switch (kind) {
    case RowKind::kPlan:
      return R"sql(SELECT code, title_en, title_zh, issued_on, near_horizon, far_horizon, source
                     FROM plan ORDER BY id)sql";
    case RowKind::kTaskAreas:
      return R"sql(SELECT code, title_en, title_zh, description FROM task_area
                    ORDER BY length(code), code)sql";
    case RowKind::kUnits:
      return R"sql(WITH RECURSIVE tree (id, path) AS (
                     SELECT id, slug FROM unit WHERE parent_id IS NULL
                     UNION ALL
                     SELECT u.id, tree.path || '/' || u.slug FROM unit u JOIN tree ON u.parent_id = tree.id)
                   SELECT u.slug, u.name_en, u.name_zh, u.kind, coalesce(p.slug, ''), u.coordinator,
                          u.source
                     FROM tree JOIN unit u ON u.id = tree.id LEFT JOIN unit p ON p.id = u.parent_id
                    ORDER BY tree.path)sql";
    case RowKind::kActions:
      return R"sql(SELECT a.code, ta.code, a.title_en, a.title_zh, a.horizon, a.start_on, a.due_on,
                          a.weight, a.source
                     FROM action a JOIN task_area ta ON ta.id = a.task_area_id ORDER BY a.code)sql";
    case RowKind::kResponsibilities:
      return R"sql(SELECT a.code, u.slug, r.role FROM responsibility r
                     JOIN action a ON a.id = r.action_id JOIN unit u ON u.id = r.unit_id
                    ORDER BY a.code, u.slug)sql";
    case RowKind::kMilestones:
      return R"sql(SELECT m.code, a.code, m.title_en, m.title_zh, m.due_on, coalesce(m.done_on, '')
                     FROM milestone m JOIN action a ON a.id = m.action_id ORDER BY m.code)sql";
    case RowKind::kIndicators:
      return R"sql(SELECT code, name_en, name_zh, measure_unit, direction, baseline_value,
                          baseline_year, source, scope
                     FROM indicator ORDER BY code)sql";
    case RowKind::kIndicatorTargets:
      return R"sql(SELECT i.code, t.horizon, t.value, t.source FROM indicator_target t
                     JOIN indicator i ON i.id = t.indicator_id ORDER BY i.code, t.horizon)sql";
    case RowKind::kIndicatorValues:
      return R"sql(SELECT i.code, v.as_of, v.value, coalesce(u.slug, ''), v.source
                     FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
                     LEFT JOIN unit u ON u.id = v.unit_id
                    WHERE NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                                       WHERE r.indicator_value_id = v.id)
                    ORDER BY i.code, v.as_of, v.id)sql";
    case RowKind::kProgress:
      return R"sql(SELECT a.code, u.slug, p.logged_on, p.recorded_at, p.percent, p.status, p.note,
                          p.source
                     FROM progress_log p JOIN action a ON a.id = p.action_id
                     JOIN unit u ON u.id = p.unit_id
                    WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
                    ORDER BY a.code, p.logged_on, p.id)sql";
  }
  return "";
}

}  // namespace

void ExportRows(Connection& connection, RowKind kind,
                const std::function<void(const std::vector<ExportValue>&)>& row) {
  SQLite::Statement query(connection.db(), SqlOf(kind));
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
