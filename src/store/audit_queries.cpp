#include "store/audit_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>

#include "store/plan_queries.h"

namespace plantrack::store {
namespace {

constexpr const char* kResponsibilities = R"sql(
  SELECT a.code, ta.code, u.slug, r.role
    FROM responsibility r JOIN action a ON a.id = r.action_id
    JOIN task_area ta ON ta.id = a.task_area_id JOIN unit u ON u.id = r.unit_id
   ORDER BY a.code, u.slug
)sql";

// Every live entry up to the as-of date, in file order: LastLogs and DoneDates are computed from
// one pass here, because grouping a million rows by (action, unit) in SQL sorts them all
// (850 ms on the province-sized file, against about 250 for the pass).
constexpr const char* kLiveEntries = R"sql(
  SELECT p.action_id, p.unit_id, p.logged_on, p.percent FROM progress_log p
   WHERE p.logged_on <= :as_of
     AND p.id NOT IN (SELECT progress_log_id FROM retraction)
)sql";

constexpr const char* kReportsBetween = R"sql(
  SELECT a.code, u.slug, p.logged_on, substr(p.recorded_at, 1, 10)
    FROM progress_log p JOIN action a ON a.id = p.action_id JOIN unit u ON u.id = p.unit_id
   WHERE p.logged_on BETWEEN :from AND :to AND p.logged_on <= :as_of
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   ORDER BY a.code, u.slug, p.logged_on
)sql";

}  // namespace

std::vector<ResponsibilityRow> ListResponsibilities(Connection& connection) {
  SQLite::Statement query(connection.db(), kResponsibilities);
  std::vector<ResponsibilityRow> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString()});
  }
  return rows;
}

LogSummary SummariseLog(Connection& connection, const std::string& as_of) {
  auto action_code = ActionCodesById(connection);
  auto unit_slug = UnitSlugsById(connection);

  std::map<std::pair<int64_t, int64_t>, std::string> last;  // (action, unit) -> latest date
  std::map<int64_t, std::string> done;                      // action -> first date at 100 %
  SQLite::Statement query(connection.db(), kLiveEntries);
  query.bind(":as_of", as_of);
  while (query.executeStep()) {
    const int64_t action = query.getColumn(0);
    const char* on = query.getColumn(2);
    std::string& latest = last[{action, query.getColumn(1).getInt64()}];
    if (latest < on) latest = on;
    if (query.getColumn(3).getInt() == 100) {
      auto [first, fresh] = done.try_emplace(action, on);
      if (!fresh && on < first->second) first->second = on;
    }
  }
  LogSummary summary;
  for (const auto& [key, on] : last) {
    summary.last_logs.push_back({action_code[key.first], unit_slug[key.second], on});
  }
  for (const auto& [action, on] : done) summary.done_dates.push_back({action_code[action], on});
  return summary;
}

std::vector<DatedReport> ReportsBetween(Connection& connection, const std::string& from,
                                        const std::string& to, const std::string& as_of) {
  SQLite::Statement query(connection.db(), kReportsBetween);
  query.bind(":from", from);
  query.bind(":to", to);
  query.bind(":as_of", as_of);
  std::vector<DatedReport> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString()});
  }
  return rows;
}

}  // namespace plantrack::store
