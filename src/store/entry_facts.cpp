#include "store/entry_facts.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "domain/text_rules.h"

namespace plantrack::store {
namespace {

constexpr const char* kStartOn = "SELECT start_on FROM action WHERE id = :action_id";

// Live entries in time order, as the rules see them: all, the latest, the last on or before a
// day and the first after it (progress_log_by_action serves each).
constexpr const char* kTimeline = R"sql(
  SELECT p.logged_on, p.percent, p.status, p.note FROM progress_log p
   WHERE p.action_id = :action_id
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   ORDER BY p.logged_on, p.id
)sql";
constexpr const char* kLatest = R"sql(
  SELECT p.logged_on, p.percent, p.status, p.note FROM progress_log p
   WHERE p.action_id = :action_id
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   ORDER BY p.logged_on DESC, p.id DESC LIMIT 1
)sql";
constexpr const char* kBefore = R"sql(
  SELECT p.logged_on, p.percent, p.status, p.note FROM progress_log p
   WHERE p.action_id = :action_id AND p.logged_on <= :on
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   ORDER BY p.logged_on DESC, p.id DESC LIMIT 1
)sql";
constexpr const char* kAfter = R"sql(
  SELECT p.logged_on, p.percent, p.status, p.note FROM progress_log p
   WHERE p.action_id = :action_id AND p.logged_on > :on
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   ORDER BY p.logged_on, p.id LIMIT 1
)sql";

constexpr const char* kMilestones = R"sql(
  SELECT code, due_on, done_on FROM milestone WHERE action_id = :action_id ORDER BY code
)sql";

constexpr const char* kLeads = R"sql(
  WITH RECURSIVE below (id) AS (
    SELECT :unit_id
    UNION
    SELECT u.id FROM unit u JOIN below ON u.parent_id = below.id
  )
  SELECT EXISTS (SELECT 1 FROM responsibility
                  WHERE action_id = :action_id AND role = 'lead'
                    AND unit_id IN (SELECT id FROM below))
)sql";

constexpr const char* kIndicator = R"sql(
  SELECT id, code, measure_unit, baseline_year FROM indicator WHERE code = :code
)sql";

constexpr const char* kValuesOn = R"sql(
  SELECT v.value FROM indicator_value v
   WHERE v.indicator_id = :indicator_id AND v.as_of = :as_of
     AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r WHERE r.indicator_value_id = v.id)
)sql";

domain::Date DateOf(const std::string& text) {
  return domain::ParseIsoDate(text).value_or(domain::Date{});
}

domain::TimedEntry EntryFrom(SQLite::Statement& query) {
  // The schema's CHECK holds status to the five names.
  return {DateOf(query.getColumn(0).getString()), query.getColumn(1).getInt(),
          domain::ParseStatus(query.getColumn(2).getString()).value_or(domain::EntryStatus{}),
          domain::SaysSomething(query.getColumn(3).getString())};
}

std::optional<domain::TimedEntry> One(Connection& connection, const char* sql, int64_t action_id,
                                      const std::string& on) {
  SQLite::Statement query(connection.db(), sql);
  query.bind(":action_id", action_id);
  query.bind(":on", on);
  if (!query.executeStep()) return std::nullopt;
  return EntryFrom(query);
}

}  // namespace

ActionReads::ActionReads(Connection& connection) : connection_(connection) {}
ActionReads::~ActionReads() = default;

SQLite::Statement& ActionReads::Prepared(std::unique_ptr<SQLite::Statement>& slot,
                                         const char* sql) {
  if (!slot) slot = std::make_unique<SQLite::Statement>(connection_.db(), sql);
  slot->tryReset();
  slot->clearBindings();
  return *slot;
}

domain::Date ActionReads::StartOn(int64_t action_id) {
  SQLite::Statement& query = Prepared(start_on_, kStartOn);
  query.bind(":action_id", action_id);
  return query.executeStep() ? DateOf(query.getColumn(0).getString()) : domain::Date{};
}

std::vector<domain::TimedEntry> ActionReads::Timeline(int64_t action_id, bool latest_only) {
  SQLite::Statement& query =
      latest_only ? Prepared(latest_, kLatest) : Prepared(timeline_, kTimeline);
  query.bind(":action_id", action_id);
  std::vector<domain::TimedEntry> timeline;
  while (query.executeStep()) timeline.push_back(EntryFrom(query));
  return timeline;
}

std::vector<domain::MilestoneState> ActionReads::Milestones(int64_t action_id) {
  SQLite::Statement& query = Prepared(milestones_, kMilestones);
  query.bind(":action_id", action_id);
  std::vector<domain::MilestoneState> milestones;
  while (query.executeStep()) {
    domain::MilestoneState milestone{query.getColumn(0).getString(),
                                     DateOf(query.getColumn(1).getString()), std::nullopt};
    if (!query.getColumn(2).isNull()) milestone.done_on = DateOf(query.getColumn(2).getString());
    milestones.push_back(std::move(milestone));
  }
  return milestones;
}

domain::Date ActionStartOn(Connection& connection, int64_t action_id) {
  return ActionReads(connection).StartOn(action_id);
}

domain::Neighbours NeighboursOf(Connection& connection, int64_t action_id, const domain::Date& on) {
  const std::string day = domain::FormatIsoDate(on);
  return {One(connection, kBefore, action_id, day), One(connection, kAfter, action_id, day)};
}

std::vector<domain::TimedEntry> LiveTimeline(Connection& connection, int64_t action_id,
                                             bool latest_only) {
  return ActionReads(connection).Timeline(action_id, latest_only);
}

std::vector<domain::MilestoneState> MilestonesOf(Connection& connection, int64_t action_id) {
  return ActionReads(connection).Milestones(action_id);
}

bool LeadsAction(Connection& connection, int64_t unit_id, int64_t action_id) {
  SQLite::Statement query(connection.db(), kLeads);
  query.bind(":unit_id", unit_id);
  query.bind(":action_id", action_id);
  return query.executeStep() && query.getColumn(0).getInt() != 0;
}

std::optional<IndicatorFacts> FindIndicator(Connection& connection, const std::string& code) {
  SQLite::Statement query(connection.db(), kIndicator);
  query.bind(":code", code);
  if (!query.executeStep()) return std::nullopt;
  return IndicatorFacts{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                        query.getColumn(2).getString(), query.getColumn(3).getInt()};
}

std::vector<double> LiveValuesOn(Connection& connection, int64_t indicator_id,
                                 const std::string& as_of) {
  SQLite::Statement query(connection.db(), kValuesOn);
  query.bind(":indicator_id", indicator_id);
  query.bind(":as_of", as_of);
  std::vector<double> values;
  while (query.executeStep()) values.push_back(query.getColumn(0).getDouble());
  return values;
}

}  // namespace plantrack::store
