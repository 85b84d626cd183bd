#include "store/plan_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "store/action_scope.h"

namespace plantrack::store {
namespace {

std::unordered_map<int64_t, std::string> NamesById(Connection& connection, const char* sql) {
  std::unordered_map<int64_t, std::string> names;
  SQLite::Statement query(connection.db(), sql);
  while (query.executeStep()) names[query.getColumn(0)] = query.getColumn(1).getString();
  return names;
}

constexpr const char* kLoadPlan = R"sql(
  SELECT code, title_en, title_zh, issued_on, near_horizon, far_horizon
    FROM plan ORDER BY id LIMIT 1
)sql";

constexpr const char* kListAreas = R"sql(
  SELECT ta.code, ta.title_en, ta.title_zh,
         (SELECT count(*) FROM action a WHERE a.task_area_id = ta.id),
         (SELECT count(*) FROM milestone m JOIN action a ON a.id = m.action_id
           WHERE a.task_area_id = ta.id)
    FROM task_area ta
   ORDER BY length(ta.code), ta.code
)sql";

// `path` orders the tree in pre-order; the flat list sorts by slug.
constexpr const char* kListUnits = R"sql(
  WITH RECURSIVE tree (id, depth, path) AS (
    SELECT id, 0, slug FROM unit WHERE parent_id IS NULL
    UNION ALL
    SELECT u.id, tree.depth + 1, tree.path || '/' || u.slug
      FROM unit u JOIN tree ON u.parent_id = tree.id
  )
  SELECT u.slug, u.name_en, u.name_zh, u.kind, coalesce(p.slug, ''), u.coordinator, tree.depth,
         (SELECT count(*) FROM responsibility r WHERE r.unit_id = u.id AND r.role = 'lead'),
         (SELECT count(*) FROM responsibility r WHERE r.unit_id = u.id AND r.role = 'support')
    FROM tree JOIN unit u ON u.id = tree.id LEFT JOIN unit p ON p.id = u.parent_id
   ORDER BY CASE WHEN :tree THEN tree.path ELSE u.slug END
)sql";

constexpr const char* kListActions = R"sql(
  SELECT a.code, ta.code, a.title_en, a.title_zh, a.horizon, a.start_on, a.due_on, a.weight,
         coalesce((SELECT group_concat(slug, ',') FROM (
                     SELECT u.slug FROM responsibility r JOIN unit u ON u.id = r.unit_id
                      WHERE r.action_id = a.id AND r.role = 'lead' ORDER BY u.slug)), ''),
         coalesce((SELECT group_concat(slug, ',') FROM (
                     SELECT u.slug FROM responsibility r JOIN unit u ON u.id = r.unit_id
                      WHERE r.action_id = a.id AND r.role = 'support' ORDER BY u.slug)), '')
    FROM chosen a JOIN task_area ta ON ta.id = a.task_area_id
   ORDER BY a.code
)sql";

constexpr const char* kListMilestones = R"sql(
  SELECT m.code, a.code, m.title_en, m.title_zh, m.due_on, coalesce(m.done_on, '')
    FROM milestone m JOIN chosen a ON a.id = m.action_id
   ORDER BY m.code
)sql";

}  // namespace

std::optional<PlanRow> LoadPlan(Connection& connection) {
  SQLite::Statement query(connection.db(), kLoadPlan);
  if (!query.executeStep()) return std::nullopt;
  return PlanRow{query.getColumn(0).getString(), query.getColumn(1).getString(),
                 query.getColumn(2).getString(), query.getColumn(3).getString(),
                 query.getColumn(4).getString(), query.getColumn(5).getString()};
}

std::vector<AreaRow> ListAreas(Connection& connection) {
  SQLite::Statement query(connection.db(), kListAreas);
  std::vector<AreaRow> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getInt64(),
                    query.getColumn(4).getInt64()});
  }
  return rows;
}

bool HasUnits(Connection& connection) {
  return connection.db().execAndGet("SELECT EXISTS (SELECT 1 FROM unit)").getInt() != 0;
}

std::vector<UnitRow> ListUnits(Connection& connection, bool tree) {
  SQLite::Statement query(connection.db(), kListUnits);
  query.bind(":tree", tree ? 1 : 0);
  std::vector<UnitRow> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString(),
                    query.getColumn(4).getString(), query.getColumn(5).getInt() != 0,
                    query.getColumn(6).getInt(), query.getColumn(7).getInt64(),
                    query.getColumn(8).getInt64()});
  }
  return rows;
}

std::vector<ActionRow> ListActions(Connection& connection, const ActionFilter& filter) {
  SQLite::Statement query(connection.db(), std::string(kChosenActions) + kListActions);
  BindActionFilter(query, filter);
  std::vector<ActionRow> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString(),
                    query.getColumn(4).getInt(), query.getColumn(5).getString(),
                    query.getColumn(6).getString(), query.getColumn(7).getDouble(),
                    query.getColumn(8).getString(), query.getColumn(9).getString()});
  }
  return rows;
}

std::vector<MilestoneRow> ListMilestones(Connection& connection, const ActionFilter& filter) {
  SQLite::Statement query(connection.db(), std::string(kChosenActions) + kListMilestones);
  BindActionFilter(query, filter);
  std::vector<MilestoneRow> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString(),
                    query.getColumn(4).getString(), query.getColumn(5).getString()});
  }
  return rows;
}

std::vector<std::pair<std::string, int64_t>> CountRows(Connection& connection) {
  // Table names are our own constants, never user input.
  static const std::pair<const char*, const char*> kTables[] = {
      {"task_areas", "task_area"},
      {"units", "unit"},
      {"actions", "action"},
      {"responsibilities", "responsibility"},
      {"milestones", "milestone"},
      {"indicators", "indicator"},
      {"indicator_targets", "indicator_target"},
      {"indicator_values", "indicator_value"},
      {"progress_log", "progress_log"},
      {"retractions", "retraction"},
      {"journal", "journal"},
  };
  std::vector<std::pair<std::string, int64_t>> counts;
  for (const auto& [name, table] : kTables) {
    counts.emplace_back(
        name, connection.db().execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt64());
  }
  return counts;
}

int SchemaVersion(Connection& connection) {
  return connection.db().execAndGet("PRAGMA user_version").getInt();
}

std::unordered_map<int64_t, std::string> ActionCodesById(Connection& connection) {
  return NamesById(connection, "SELECT id, code FROM action");
}

std::unordered_map<int64_t, std::string> UnitSlugsById(Connection& connection) {
  return NamesById(connection, "SELECT id, slug FROM unit");
}

}  // namespace plantrack::store
