#include "store/keys.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace plantrack::store {
namespace {

constexpr const char* kFindKey = R"sql(
  SELECT u.id, u.slug, u.coordinator FROM unit_key k JOIN unit u ON u.id = k.unit_id
   WHERE k.public_key = :key
)sql";
constexpr const char* kInsertKey = R"sql(
  INSERT INTO unit_key (unit_id, public_key, added_at) VALUES (:unit_id, :key, :added_at)
)sql";
constexpr const char* kListKeys = R"sql(
  SELECT u.slug, k.public_key, k.added_at FROM unit_key k JOIN unit u ON u.id = k.unit_id
   ORDER BY u.slug, k.id
)sql";

}  // namespace

Status RegisterKey(Connection& connection, const UnitRef& unit, const std::string& public_key,
                   const std::string& added_at) {
  if (auto holder = UnitOfKey(connection, public_key)) {
    if (holder->id == unit.id) return Status::Ok();
    return Status::BadData(
        fmt::format("key {} is registered to {} already", public_key, holder->slug));
  }
  SQLite::Statement insert(connection.db(), kInsertKey);
  insert.bind(":unit_id", unit.id);
  insert.bind(":key", public_key);
  insert.bind(":added_at", added_at);
  insert.exec();
  return Status::Ok();
}

std::vector<RegisteredKey> ListKeys(Connection& connection) {
  SQLite::Statement query(connection.db(), kListKeys);
  std::vector<RegisteredKey> keys;
  while (query.executeStep()) {
    keys.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                    query.getColumn(2).getString()});
  }
  return keys;
}

std::optional<UnitRef> UnitOfKey(Connection& connection, const std::string& public_key) {
  SQLite::Statement query(connection.db(), kFindKey);
  query.bind(":key", public_key);
  if (!query.executeStep()) return std::nullopt;
  return UnitRef{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                 query.getColumn(2).getInt() != 0};
}

}  // namespace plantrack::store
