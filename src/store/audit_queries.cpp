#include "store/audit_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "store/plan_queries.h"

namespace plantrack::store {
namespace {

constexpr const char* kResponsibilities = R"sql(
  SELECT a.code, ta.code, u.slug, r.role
    FROM responsibility r JOIN action a ON a.id = r.action_id
    JOIN task_area ta ON ta.id = a.task_area_id JOIN unit u ON u.id = r.unit_id
   ORDER BY a.code, u.slug
)sql";

// Every entry up to the as-of date, in table order: LastLogs and DoneDates are computed from
// one pass here, because grouping a million rows by (action, unit) in SQL sorts them all
// (850 ms on the province-sized file). NOT INDEXED makes it a plain scan (the planner would
// walk the logged_on index and look each row up), and retracted entries are skipped in memory:
// a NOT IN probe per row cost as much as the scan.
constexpr const char* kEntries = R"sql(
  SELECT p.action_id, p.unit_id, p.logged_on, p.percent, p.id FROM progress_log p NOT INDEXED
   WHERE p.logged_on <= ?1
)sql";

constexpr const char* kRetracted = "SELECT progress_log_id FROM retraction";

// A date as stored, 'YYYY-MM-DD' by the schema's CHECK: compared and kept without a std::string
// per row.
using Day = std::array<char, 10>;

Day DayOf(const unsigned char* text) {
  Day day{};
  std::memcpy(day.data(), text, day.size());
  return day;
}

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

  std::unordered_set<int64_t> retracted;
  SQLite::Statement retractions(connection.db(), kRetracted);
  while (retractions.executeStep()) retracted.insert(retractions.getColumn(0).getInt64());

  // Hashed while scanning, sorted once at the end into the (action id, unit id) order the
  // report has always had. The raw C API in the loop: SQLiteCpp's Column copies a shared_ptr
  // per value read.
  std::unordered_map<uint64_t, Day> last;  // action id << 32 | unit id -> latest date
  std::unordered_map<int64_t, Day> done;   // action id -> first date at 100 %
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(connection.db().getHandle(), kEntries, -1, &prepared, nullptr) !=
      SQLITE_OK) {
    throw SQLite::Exception(connection.db().getHandle());
  }
  const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(prepared,
                                                                             &sqlite3_finalize);
  sqlite3_stmt* raw = statement.get();
  sqlite3_bind_text(raw, 1, as_of.c_str(), -1, SQLITE_TRANSIENT);
  int step;
  while ((step = sqlite3_step(raw)) == SQLITE_ROW) {
    if (!retracted.empty() && retracted.contains(sqlite3_column_int64(raw, 4))) continue;
    const int64_t action = sqlite3_column_int64(raw, 0);
    const uint64_t key =
        static_cast<uint64_t>(action) << 32 | static_cast<uint32_t>(sqlite3_column_int64(raw, 1));
    const Day on = DayOf(sqlite3_column_text(raw, 2));
    auto [latest, fresh] = last.try_emplace(key, on);
    if (!fresh && latest->second < on) latest->second = on;
    if (sqlite3_column_int(raw, 3) == 100) {
      auto [first, new_action] = done.try_emplace(action, on);
      if (!new_action && on < first->second) first->second = on;
    }
  }
  if (step != SQLITE_DONE) throw SQLite::Exception(connection.db().getHandle());
  std::vector<std::pair<uint64_t, Day>> lasts(last.begin(), last.end());
  std::sort(lasts.begin(), lasts.end());
  std::vector<std::pair<int64_t, Day>> dones(done.begin(), done.end());
  std::sort(dones.begin(), dones.end());
  LogSummary summary;
  summary.last_logs.reserve(lasts.size());
  for (const auto& [key, on] : lasts) {
    summary.last_logs.push_back({action_code[static_cast<int64_t>(key >> 32)],
                                 unit_slug[static_cast<int64_t>(key & 0xffffffffu)],
                                 std::string(on.data(), on.size())});
  }
  for (const auto& [action, on] : dones) {
    summary.done_dates.push_back({action_code[action], std::string(on.data(), on.size())});
  }
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
