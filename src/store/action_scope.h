#pragma once
// The filters shared by every report over actions (--area, --unit with its descendants,
// --horizon), as a SQL prefix that defines a CTE `chosen` holding the matching action rows.
// Store-internal: included only by store/*.cpp.

#include <SQLiteCpp/Statement.h>

#include "store/plan_queries.h"

namespace plantrack::store {

// Prepend to a query that reads `chosen`; bind it with BindActionFilter.
inline constexpr const char* kChosenActions = R"sql(
  WITH RECURSIVE scope (id) AS (
    SELECT id FROM unit WHERE slug = :unit
    UNION ALL
    SELECT u.id FROM unit u JOIN scope ON u.parent_id = scope.id
  ),
  chosen AS (
    SELECT a.* FROM action a JOIN task_area ta ON ta.id = a.task_area_id
     WHERE (:area IS NULL OR ta.code = :area)
       AND (:horizon IS NULL OR a.horizon = :horizon)
       AND (:unit IS NULL OR EXISTS (SELECT 1 FROM responsibility r
                                      WHERE r.action_id = a.id
                                        AND r.unit_id IN (SELECT id FROM scope)))
  )
)sql";

inline void BindActionFilter(SQLite::Statement& query, const ActionFilter& filter) {
  filter.area ? query.bind(":area", *filter.area) : query.bind(":area");
  filter.unit ? query.bind(":unit", *filter.unit) : query.bind(":unit");
  filter.horizon ? query.bind(":horizon", *filter.horizon) : query.bind(":horizon");
}

}  // namespace plantrack::store
