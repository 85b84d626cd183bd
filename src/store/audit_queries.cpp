#include "store/audit_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "store/plan_queries.h"

namespace plantrack::store {
namespace {

constexpr const char* kResponsibilities = R"sql(
  SELECT a.code, ta.code, u.slug, r.role
    FROM responsibility r JOIN action a ON a.id = r.action_id
    JOIN task_area ta ON ta.id = a.task_area_id JOIN unit u ON u.id = r.unit_id
   ORDER BY a.code, u.slug
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
  // One pass over the live entries: grouping a million rows by (action, unit) in SQL sorts them
  // all (850 ms on the province-sized file).
  LogSummariser summariser(as_of);
  ScanLiveEntries(connection, {&summariser});
  return summariser.Finish(connection);
}

LogSummariser::LogSummariser(const std::string& as_of) : as_of_(DayNumber(as_of.c_str())) {}

void LogSummariser::Add(const LiveEntry& entry) {
  if (entry.day > as_of_) return;
  const uint64_t key =
      static_cast<uint64_t>(entry.action_id) << 32 | static_cast<uint32_t>(entry.unit_id);
  auto [latest, fresh] = last_.try_emplace(key, entry.day);
  if (!fresh && latest->second < entry.day) latest->second = entry.day;
  if (entry.percent == 100) {
    auto [first, new_action] = done_.try_emplace(entry.action_id, entry.day);
    if (!new_action && entry.day < first->second) first->second = entry.day;
  }
}

std::unique_ptr<EntrySink> LogSummariser::Shard() const {
  std::unique_ptr<LogSummariser> shard(new LogSummariser());
  shard->as_of_ = as_of_;
  return shard;
}

void LogSummariser::Merge(EntrySink& sink) {
  const auto& shard = static_cast<const LogSummariser&>(sink);
  for (const auto& [key, day] : shard.last_) {
    auto [latest, fresh] = last_.try_emplace(key, day);
    if (!fresh && latest->second < day) latest->second = day;
  }
  for (const auto& [action, day] : shard.done_) {
    auto [first, fresh] = done_.try_emplace(action, day);
    if (!fresh && day < first->second) first->second = day;
  }
}

LogSummary LogSummariser::Finish(Connection& connection) const {
  auto action_code = ActionCodesById(connection);
  auto unit_slug = UnitSlugsById(connection);
  // Sorted into the (action id, unit id) order the report has always had.
  std::vector<std::pair<uint64_t, int32_t>> lasts(last_.begin(), last_.end());
  std::sort(lasts.begin(), lasts.end());
  std::vector<std::pair<int64_t, int32_t>> dones(done_.begin(), done_.end());
  std::sort(dones.begin(), dones.end());
  LogSummary summary;
  // Each id's code once, in the order met; the rows refer to it by index.
  std::unordered_map<int64_t, int32_t> action_index, unit_index;
  auto index = [](std::unordered_map<int64_t, int32_t>& indexes, std::vector<std::string>& codes,
                  const std::unordered_map<int64_t, std::string>& code_of, int64_t id) {
    auto [found, fresh] = indexes.try_emplace(id, static_cast<int32_t>(codes.size()));
    if (fresh) {
      auto code = code_of.find(id);
      codes.push_back(code == code_of.end() ? std::string() : code->second);
    }
    return found->second;
  };
  summary.last_logs.reserve(lasts.size());
  for (const auto& [key, on] : lasts) {
    summary.last_logs.push_back(
        {index(action_index, summary.action_codes, action_code, static_cast<int64_t>(key >> 32)),
         index(unit_index, summary.unit_slugs, unit_slug, static_cast<int64_t>(key & 0xffffffffu)),
         on});
  }
  for (const auto& [action, on] : dones) {
    summary.done_dates.push_back({action_code[action], DayText(on)});
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
