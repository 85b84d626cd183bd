#include "store/desk_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {
namespace {

// The unit and every unit below it.
constexpr const char* kBelow = R"sql(
  WITH RECURSIVE below (id) AS (
    SELECT :unit_id
    UNION
    SELECT u.id FROM unit u JOIN below ON u.parent_id = below.id
  )
)sql";

// min() over 'lead' < 'support' picks lead when any unit of the subtree leads.
constexpr const char* kRoles = R"sql(
  SELECT a.code, min(r.role)
    FROM responsibility r JOIN action a ON a.id = r.action_id
   WHERE r.unit_id IN (SELECT id FROM below)
   GROUP BY a.code
)sql";

// `action` NOT INDEXED: the actions in the table's order rather than the code index's, so that
// consecutive actions seek into neighbouring pages of the log (its entries lie in action id
// order): a third fewer page reads.
constexpr const char* kReportedBetween = R"sql(
  SELECT DISTINCT a.code
    FROM progress_log p JOIN action a NOT INDEXED ON a.id = p.action_id
   WHERE p.unit_id IN (SELECT id FROM below)
     AND p.logged_on BETWEEN :from AND :to
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
)sql";

// Ordered so the first row per action is its soonest open milestone.
constexpr const char* kNextMilestones = R"sql(
  SELECT a.code, m.code, m.due_on
    FROM milestone m JOIN action a ON a.id = m.action_id
   WHERE a.id IN (SELECT action_id FROM responsibility WHERE unit_id IN (SELECT id FROM below))
     AND (m.done_on IS NULL OR m.done_on > :as_of)
   ORDER BY a.code, m.due_on, m.code
)sql";

// No index has the unit: the log is read whole either way. NOT INDEXED reads it in table order,
// page after page; the planner walked the (action_id, logged_on) index instead and looked every
// entry up in the table, in code order (0.37 s against 0.06 s on the province file).
constexpr const char* kRecentEntries = R"sql(
  SELECT p.id, a.code, p.logged_on, p.recorded_at, p.status, p.note, p.percent,
         EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
    FROM progress_log p NOT INDEXED JOIN action a ON a.id = p.action_id
   WHERE p.unit_id = :unit_id AND p.logged_on <= :as_of
   ORDER BY p.logged_on DESC, p.id DESC
   LIMIT :limit
)sql";

}  // namespace

std::map<std::string, std::string> RolesOf(Connection& connection, int64_t unit_id) {
  SQLite::Statement query(connection.db(), std::string(kBelow) + kRoles);
  query.bind(":unit_id", unit_id);
  std::map<std::string, std::string> roles;
  while (query.executeStep()) {
    roles[query.getColumn(0).getString()] = query.getColumn(1).getString();
  }
  return roles;
}

std::set<std::string> ActionsReportedBetween(Connection& connection, int64_t unit_id,
                                             const std::string& from, const std::string& to) {
  SQLite::Statement query(connection.db(), std::string(kBelow) + kReportedBetween);
  query.bind(":unit_id", unit_id);
  query.bind(":from", from);
  query.bind(":to", to);
  std::set<std::string> codes;
  while (query.executeStep()) codes.insert(query.getColumn(0).getString());
  return codes;
}

std::map<std::string, NextMilestone> NextMilestones(Connection& connection, int64_t unit_id,
                                                    const std::string& as_of) {
  SQLite::Statement query(connection.db(), std::string(kBelow) + kNextMilestones);
  query.bind(":unit_id", unit_id);
  query.bind(":as_of", as_of);
  std::map<std::string, NextMilestone> next;
  while (query.executeStep()) {
    next.try_emplace(query.getColumn(0).getString(),
                     NextMilestone{query.getColumn(1).getString(), query.getColumn(2).getString()});
  }
  return next;
}

std::vector<OwnEntry> RecentEntriesOf(Connection& connection, int64_t unit_id,
                                      const std::string& as_of, int limit) {
  SQLite::Statement query(connection.db(), kRecentEntries);
  query.bind(":unit_id", unit_id);
  query.bind(":as_of", as_of);
  query.bind(":limit", limit);
  std::vector<OwnEntry> entries;
  while (query.executeStep()) {
    OwnEntry entry;
    entry.id = query.getColumn(0).getInt64();
    entry.action = query.getColumn(1).getString();
    entry.logged_on = query.getColumn(2).getString();
    entry.recorded_at = query.getColumn(3).getString();
    entry.status = query.getColumn(4).getString();
    entry.note = query.getColumn(5).getString();
    entry.percent = query.getColumn(6).getInt();
    entry.retracted = query.getColumn(7).getInt() != 0;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace plantrack::store
