#include "store/identity.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/codes.h"

namespace plantrack::store {
namespace {

constexpr const char* kFindUnit = "SELECT id, slug, coordinator FROM unit WHERE slug = :slug";
constexpr const char* kFindAction = "SELECT id, code FROM action WHERE code = :code";

constexpr const char* kIsResponsible = R"sql(
  WITH RECURSIVE below (id) AS (
    SELECT :unit_id
    UNION
    SELECT u.id FROM unit u JOIN below ON u.parent_id = below.id
  )
  SELECT EXISTS (SELECT 1 FROM responsibility
                  WHERE action_id = :action_id AND unit_id IN (SELECT id FROM below))
)sql";

constexpr const char* kIsWithin = R"sql(
  WITH RECURSIVE above (id, depth) AS (
    SELECT :unit_id, 0
    UNION
    SELECT u.parent_id, above.depth + 1 FROM unit u JOIN above ON u.id = above.id
     WHERE u.parent_id IS NOT NULL AND above.depth < 64
  )
  SELECT EXISTS (SELECT 1 FROM above WHERE id = :ancestor_id)
)sql";

constexpr const char* kLeadSlugs = R"sql(
  SELECT u.slug FROM responsibility r JOIN unit u ON u.id = r.unit_id
   WHERE r.action_id = :action_id AND r.role = 'lead' ORDER BY u.slug
)sql";

constexpr const char* kPlanDates = R"sql(
  SELECT issued_on, far_horizon FROM plan ORDER BY id LIMIT 1
)sql";

}  // namespace

std::optional<UnitRef> FindUnit(Connection& connection, const std::string& slug) {
  // Codes as people type them (`t3.07`, a unit's name) resolve to the stored one first.
  const std::optional<std::string> stored = StoredCode(connection, CodeKind::kUnit, slug);
  if (!stored) return std::nullopt;
  SQLite::Statement query(connection.db(), kFindUnit);
  query.bind(":slug", *stored);
  if (!query.executeStep()) return std::nullopt;
  return UnitRef{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                 query.getColumn(2).getInt() != 0};
}

std::optional<ActionRef> FindAction(Connection& connection, const std::string& code) {
  // Codes as people type them (`t3.07`, a unit's name) resolve to the stored one first.
  const std::optional<std::string> stored = StoredCode(connection, CodeKind::kAction, code);
  if (!stored) return std::nullopt;
  SQLite::Statement query(connection.db(), kFindAction);
  query.bind(":code", *stored);
  if (!query.executeStep()) return std::nullopt;
  return ActionRef{query.getColumn(0).getInt64(), query.getColumn(1).getString()};
}

bool IsResponsible(Connection& connection, int64_t unit_id, int64_t action_id) {
  SQLite::Statement query(connection.db(), kIsResponsible);
  query.bind(":unit_id", unit_id);
  query.bind(":action_id", action_id);
  return query.executeStep() && query.getColumn(0).getInt() != 0;
}

bool IsWithin(Connection& connection, int64_t unit_id, int64_t ancestor_id) {
  SQLite::Statement query(connection.db(), kIsWithin);
  query.bind(":unit_id", unit_id);
  query.bind(":ancestor_id", ancestor_id);
  return query.executeStep() && query.getColumn(0).getInt() != 0;
}

std::vector<std::string> LeadSlugs(Connection& connection, int64_t action_id) {
  SQLite::Statement query(connection.db(), kLeadSlugs);
  query.bind(":action_id", action_id);
  std::vector<std::string> slugs;
  while (query.executeStep()) slugs.push_back(query.getColumn(0).getString());
  return slugs;
}

PlanDates LoadPlanDates(Connection& connection) {
  SQLite::Statement query(connection.db(), kPlanDates);
  if (!query.executeStep()) return {"2022-03-22", "2035-12-31"};
  return {query.getColumn(0).getString(), query.getColumn(1).getString()};
}

}  // namespace plantrack::store
