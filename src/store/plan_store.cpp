#include "store/plan_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/codes.h"

namespace plantrack::store {
namespace {

constexpr const char* kFindMilestone = R"sql(
  SELECT m.id, m.code, a.code, m.due_on, coalesce(m.done_on, ''), a.id
    FROM milestone m JOIN action a ON a.id = m.action_id WHERE m.code = :code
)sql";
constexpr const char* kCompleteMilestone =
    "UPDATE milestone SET done_on = :done_on WHERE id = :id AND done_on IS NULL";
constexpr const char* kReopenMilestone =
    "UPDATE milestone SET done_on = NULL WHERE id = :id AND done_on IS NOT NULL";
constexpr const char* kInsertMilestoneEvent = R"sql(
  INSERT INTO milestone_event (milestone_id, done_on, unit_id, recorded_at, journal_id)
  VALUES (:milestone_id, :done_on, :unit_id, :recorded_at, :journal_id)
)sql";

constexpr const char* kInsertAction = R"sql(
  INSERT INTO action (task_area_id, code, title_en, title_zh, horizon, start_on, due_on, weight,
                      source)
  VALUES (:area_id, :code, :title_en, :title_zh, :horizon, :start_on, :due_on, :weight, :source)
)sql";
constexpr const char* kInsertMilestone = R"sql(
  INSERT INTO milestone (action_id, code, title_en, title_zh, due_on)
  VALUES (:action_id, :code, :title_en, :title_zh, :due_on)
)sql";
constexpr const char* kInsertUnit = R"sql(
  INSERT INTO unit (slug, name_en, name_zh, kind, parent_id, coordinator, source)
  VALUES (:slug, :name_en, :name_zh, :kind, :parent_id, :coordinator, :source)
)sql";
constexpr const char* kInsertIndicator = R"sql(
  INSERT INTO indicator (code, name_en, name_zh, measure_unit, direction, baseline_value,
                         baseline_year, source, scope)
  VALUES (:code, :name_en, :name_zh, :measure_unit, :direction, :baseline_value, :baseline_year,
          :source, :scope)
)sql";
constexpr const char* kInsertTarget = R"sql(
  INSERT INTO indicator_target (indicator_id, horizon, value, source)
  VALUES (:indicator_id, :horizon, :value, :source)
)sql";
constexpr const char* kFindArea = "SELECT id FROM task_area WHERE code = :code";
constexpr const char* kRoleOf =
    "SELECT role FROM responsibility WHERE action_id = :action_id AND unit_id = :unit_id";
constexpr const char* kUnassign =
    "DELETE FROM responsibility WHERE action_id = :action_id AND unit_id = :unit_id";

}  // namespace

std::optional<MilestoneRef> FindMilestone(Connection& connection, const std::string& code) {
  // Codes as people type them (`t3.07`, a unit's name) resolve to the stored one first.
  const std::optional<std::string> stored = StoredCode(connection, CodeKind::kMilestone, code);
  if (!stored) return std::nullopt;
  SQLite::Statement query(connection.db(), kFindMilestone);
  query.bind(":code", *stored);
  if (!query.executeStep()) return std::nullopt;
  return MilestoneRef{query.getColumn(0).getInt64(),  query.getColumn(1).getString(),
                      query.getColumn(2).getString(), query.getColumn(3).getString(),
                      query.getColumn(4).getString(), query.getColumn(5).getInt64()};
}

namespace {

void AppendMilestoneEvent(Connection& connection, int64_t milestone_id,
                          const std::optional<std::string>& done_on,
                          const MilestoneChange& change) {
  SQLite::Statement insert(connection.db(), kInsertMilestoneEvent);
  insert.bind(":milestone_id", milestone_id);
  done_on ? insert.bind(":done_on", *done_on) : insert.bind(":done_on");
  insert.bind(":unit_id", change.unit_id);
  insert.bind(":recorded_at", change.recorded_at);
  insert.bind(":journal_id", change.journal_id);
  insert.exec();
}

}  // namespace

bool CompleteMilestone(Connection& connection, int64_t milestone_id, const std::string& done_on,
                       const MilestoneChange& change) {
  SQLite::Statement update(connection.db(), kCompleteMilestone);
  update.bind(":id", milestone_id);
  update.bind(":done_on", done_on);
  if (update.exec() != 1) return false;
  AppendMilestoneEvent(connection, milestone_id, done_on, change);
  return true;
}

void SetMilestone(Connection& connection, int64_t milestone_id,
                  const std::optional<std::string>& done_on, const MilestoneChange& change) {
  SQLite::Statement update(connection.db(),
                           "UPDATE milestone SET done_on = :done_on WHERE id = :id");
  done_on ? update.bind(":done_on", *done_on) : update.bind(":done_on");
  update.bind(":id", milestone_id);
  update.exec();
  AppendMilestoneEvent(connection, milestone_id, done_on, change);
}

bool ReopenMilestone(Connection& connection, int64_t milestone_id, const MilestoneChange& change) {
  SQLite::Statement update(connection.db(), kReopenMilestone);
  update.bind(":id", milestone_id);
  if (update.exec() != 1) return false;
  AppendMilestoneEvent(connection, milestone_id, std::nullopt, change);
  return true;
}

int64_t InsertAction(Connection& connection, const NewAction& action) {
  SQLite::Statement insert(connection.db(), kInsertAction);
  insert.bind(":area_id", action.task_area_id);
  insert.bind(":code", action.code);
  insert.bind(":title_en", action.title_en);
  insert.bind(":title_zh", action.title_zh);
  insert.bind(":horizon", action.horizon);
  insert.bind(":start_on", action.start_on);
  insert.bind(":due_on", action.due_on);
  insert.bind(":weight", action.weight);
  insert.bind(":source", action.source);
  insert.exec();
  return connection.db().getLastInsertRowid();
}

int64_t InsertMilestone(Connection& connection, const NewMilestone& milestone) {
  SQLite::Statement insert(connection.db(), kInsertMilestone);
  insert.bind(":action_id", milestone.action_id);
  insert.bind(":code", milestone.code);
  insert.bind(":title_en", milestone.title_en);
  insert.bind(":title_zh", milestone.title_zh);
  insert.bind(":due_on", milestone.due_on);
  insert.exec();
  return connection.db().getLastInsertRowid();
}

int64_t InsertUnit(Connection& connection, const NewUnit& unit) {
  SQLite::Statement insert(connection.db(), kInsertUnit);
  insert.bind(":slug", unit.slug);
  insert.bind(":name_en", unit.name_en);
  insert.bind(":name_zh", unit.name_zh);
  insert.bind(":kind", unit.kind);
  insert.bind(":parent_id", unit.parent_id);
  insert.bind(":coordinator", unit.coordinator ? 1 : 0);
  insert.bind(":source", unit.source);
  insert.exec();
  return connection.db().getLastInsertRowid();
}

int64_t InsertIndicator(Connection& connection, const NewIndicator& indicator) {
  SQLite::Statement insert(connection.db(), kInsertIndicator);
  insert.bind(":code", indicator.code);
  insert.bind(":name_en", indicator.name_en);
  insert.bind(":name_zh", indicator.name_zh);
  insert.bind(":measure_unit", indicator.measure_unit);
  insert.bind(":direction", indicator.direction);
  insert.bind(":baseline_value", indicator.baseline_value);
  insert.bind(":baseline_year", indicator.baseline_year);
  insert.bind(":source", indicator.source);
  insert.bind(":scope", indicator.scope);
  insert.exec();
  const int64_t id = connection.db().getLastInsertRowid();
  SQLite::Statement target(connection.db(), kInsertTarget);
  for (const auto& [year, value] : indicator.targets) {
    target.reset();
    target.bind(":indicator_id", id);
    target.bind(":horizon", year);
    target.bind(":value", value);
    target.bind(":source", indicator.source);
    target.exec();
  }
  return id;
}

std::optional<int64_t> FindAreaId(Connection& connection, const std::string& code) {
  // Codes as people type them (`t3.07`, a unit's name) resolve to the stored one first.
  const std::optional<std::string> stored = StoredCode(connection, CodeKind::kArea, code);
  if (!stored) return std::nullopt;
  SQLite::Statement query(connection.db(), kFindArea);
  query.bind(":code", *stored);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

std::optional<std::string> RoleOf(Connection& connection, int64_t action_id, int64_t unit_id) {
  SQLite::Statement query(connection.db(), kRoleOf);
  query.bind(":action_id", action_id);
  query.bind(":unit_id", unit_id);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

void Assign(Connection& connection, int64_t action_id, int64_t unit_id, const std::string& role) {
  // The import's upsert of a responsibility row: the same row whichever way it comes.
  SQLite::Statement statement(connection.db(), SpecOf(RowKind::kResponsibilities).upsert);
  statement.bind(":action", action_id);
  statement.bind(":unit", unit_id);
  statement.bind(":role", role);
  statement.exec();
}

void Unassign(Connection& connection, int64_t action_id, int64_t unit_id) {
  SQLite::Statement statement(connection.db(), kUnassign);
  statement.bind(":action_id", action_id);
  statement.bind(":unit_id", unit_id);
  statement.exec();
}

}  // namespace plantrack::store
