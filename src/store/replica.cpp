#include "store/replica.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {
namespace {

constexpr const char* kLoad = R"sql(
  SELECT u.id, u.slug, u.coordinator, r.plan_code, r.master_key, r.structure_version
    FROM replica r JOIN unit u ON u.id = r.unit_id WHERE r.id = 1
)sql";
constexpr const char* kSave = R"sql(
  INSERT INTO replica (id, unit_id, plan_code, master_key, structure_version)
  VALUES (1, :unit_id, :plan_code, :master_key, :version)
  ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, plan_code = excluded.plan_code,
    master_key = excluded.master_key, structure_version = excluded.structure_version
)sql";
constexpr const char* kBump =
    "UPDATE structure_version SET version = version + 1 WHERE id = 1 RETURNING version";
constexpr const char* kVersion = "SELECT version FROM structure_version WHERE id = 1";
constexpr const char* kPlanCode =
    "SELECT coalesce((SELECT code FROM plan ORDER BY id LIMIT 1), '')";

}  // namespace

std::optional<ReplicaInfo> LoadReplica(Connection& connection) {
  SQLite::Statement query(connection.db(), kLoad);
  if (!query.executeStep()) return std::nullopt;
  return ReplicaInfo{{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                      query.getColumn(2).getInt() != 0},
                     query.getColumn(3).getString(),
                     query.getColumn(4).getString(),
                     query.getColumn(5).getInt64()};
}

void SaveReplica(Connection& connection, const ReplicaInfo& replica) {
  SQLite::Statement save(connection.db(), kSave);
  save.bind(":unit_id", replica.unit.id);
  save.bind(":plan_code", replica.plan_code);
  save.bind(":master_key", replica.master_key);
  save.bind(":version", replica.structure_version);
  save.exec();
}

int64_t NextStructureVersion(Connection& connection) {
  SQLite::Statement bump(connection.db(), kBump);
  bump.executeStep();
  return bump.getColumn(0).getInt64();
}

int64_t StructureVersion(Connection& connection) {
  return connection.db().execAndGet(kVersion).getInt64();
}

std::string PlanCode(Connection& connection) {
  return connection.db().execAndGet(kPlanCode).getString();
}

}  // namespace plantrack::store
