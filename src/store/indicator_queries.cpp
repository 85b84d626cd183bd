#include "store/indicator_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>

namespace plantrack::store {
namespace {

constexpr const char* kIndicators = R"sql(
  SELECT i.id, i.code, i.name_en, i.name_zh, i.measure_unit, i.direction, i.source, i.scope,
         i.baseline_value, i.baseline_year, v.value, v.as_of
    FROM indicator i
    LEFT JOIN indicator_value v ON v.id = (
      SELECT v2.id FROM indicator_value v2
       WHERE v2.indicator_id = i.id AND v2.as_of <= :as_of
         AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                          WHERE r.indicator_value_id = v2.id)
       ORDER BY v2.as_of DESC, v2.id DESC LIMIT 1)
   ORDER BY i.code
)sql";

// One index seek per target on indicator_value (indicator_id, as_of).
constexpr const char* kTargets = R"sql(
  SELECT t.indicator_id, t.horizon, t.value, t.source, v.value, v.as_of
    FROM indicator_target t
    LEFT JOIN indicator_value v ON v.id = (
      SELECT v2.id FROM indicator_value v2
       WHERE v2.indicator_id = t.indicator_id
         AND v2.as_of <= min(printf('%04d-12-31', t.horizon), :as_of)
         AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                          WHERE r.indicator_value_id = v2.id)
       ORDER BY v2.as_of DESC, v2.id DESC LIMIT 1)
   ORDER BY t.indicator_id, t.horizon
)sql";

constexpr const char* kSeries = R"sql(
  SELECT v.as_of, v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
   WHERE i.code = :code AND v.as_of <= :as_of
     AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r WHERE r.indicator_value_id = v.id)
   ORDER BY v.as_of, v.id
)sql";

}  // namespace

std::vector<IndicatorPoint> LoadIndicatorSeries(Connection& connection, const std::string& code,
                                                const std::string& as_of) {
  SQLite::Statement query(connection.db(), kSeries);
  query.bind(":code", code);
  query.bind(":as_of", as_of);
  std::vector<IndicatorPoint> points;
  while (query.executeStep()) {
    points.push_back({query.getColumn(0).getString(), query.getColumn(1).getDouble()});
  }
  return points;
}

std::vector<IndicatorRow> LoadIndicators(Connection& connection, const std::string& as_of) {
  std::map<int64_t, std::vector<IndicatorTarget>> targets;
  SQLite::Statement target_query(connection.db(), kTargets);
  target_query.bind(":as_of", as_of);
  while (target_query.executeStep()) {
    IndicatorTarget target{target_query.getColumn(1).getInt(),
                           target_query.getColumn(2).getDouble(),
                           target_query.getColumn(3).getString(), std::nullopt, ""};
    if (!target_query.getColumn(4).isNull()) {
      target.year_end_value = target_query.getColumn(4).getDouble();
      target.year_end_on = target_query.getColumn(5).getString();
    }
    targets[target_query.getColumn(0).getInt64()].push_back(std::move(target));
  }
  SQLite::Statement query(connection.db(), kIndicators);
  query.bind(":as_of", as_of);
  std::vector<IndicatorRow> rows;
  while (query.executeStep()) {
    IndicatorRow row{query.getColumn(1).getString(),
                     query.getColumn(2).getString(),
                     query.getColumn(3).getString(),
                     query.getColumn(4).getString(),
                     query.getColumn(5).getString(),
                     query.getColumn(6).getString(),
                     query.getColumn(7).getString(),
                     query.getColumn(8).getDouble(),
                     query.getColumn(9).getInt(),
                     std::nullopt,
                     "",
                     {}};
    if (!query.getColumn(10).isNull()) {
      row.latest_value = query.getColumn(10).getDouble();
      row.latest_on = query.getColumn(11).getString();
    }
    row.targets = std::move(targets[query.getColumn(0).getInt64()]);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace plantrack::store
