#include "store/audit_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {
namespace {

constexpr const char* kResponsibilities = R"sql(
  SELECT a.code, ta.code, u.slug, r.role
    FROM responsibility r JOIN action a ON a.id = r.action_id
    JOIN task_area ta ON ta.id = a.task_area_id JOIN unit u ON u.id = r.unit_id
   ORDER BY a.code, u.slug
)sql";

constexpr const char* kLastLogs = R"sql(
  SELECT a.code, u.slug, max(p.logged_on)
    FROM progress_log p JOIN action a ON a.id = p.action_id JOIN unit u ON u.id = p.unit_id
   WHERE p.logged_on <= :as_of
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   GROUP BY p.action_id, p.unit_id
)sql";

constexpr const char* kDoneDates = R"sql(
  SELECT a.code, min(p.logged_on)
    FROM progress_log p JOIN action a ON a.id = p.action_id
   WHERE p.percent = 100 AND p.logged_on <= :as_of
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
   GROUP BY p.action_id
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

std::vector<LastLog> LastLogs(Connection& connection, const std::string& as_of) {
  SQLite::Statement query(connection.db(), kLastLogs);
  query.bind(":as_of", as_of);
  std::vector<LastLog> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString()});
  }
  return rows;
}

std::vector<DoneOn> DoneDates(Connection& connection, const std::string& as_of) {
  SQLite::Statement query(connection.db(), kDoneDates);
  query.bind(":as_of", as_of);
  std::vector<DoneOn> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString()});
  }
  return rows;
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
