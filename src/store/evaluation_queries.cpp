#include "store/evaluation_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/action_scope.h"

namespace plantrack::store {
namespace {

// Correlated per action (not a shared CTE, which SQLite may materialise for the whole log).
constexpr const char* kDoneDates = R"sql(
  SELECT a.code,
         (SELECT min(p.logged_on) FROM progress_log p
           WHERE p.action_id = a.id AND p.percent >= 100 AND p.logged_on <= :as_of
             AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
             AND p.logged_on >= coalesce(
                   (SELECT max(q.logged_on) FROM progress_log q
                     WHERE q.action_id = a.id AND q.percent < 100 AND q.logged_on <= :as_of
                       AND NOT EXISTS (SELECT 1 FROM retraction r
                                        WHERE r.progress_log_id = q.id)), ''))
    FROM chosen a
)sql";

}  // namespace

std::unordered_map<std::string, std::string> LoadDoneDates(Connection& connection,
                                                           const ActionFilter& filter,
                                                           const std::string& as_of) {
  SQLite::Statement query(connection.db(), std::string(kChosenActions) + kDoneDates);
  BindActionFilter(query, filter);
  query.bind(":as_of", as_of);
  std::unordered_map<std::string, std::string> done;
  while (query.executeStep()) {
    if (!query.getColumn(1).isNull()) {
      done[query.getColumn(0).getString()] = query.getColumn(1).getString();
    }
  }
  return done;
}

}  // namespace plantrack::store
