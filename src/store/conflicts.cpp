#include "store/conflicts.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "store/receiver.h"

namespace plantrack::store {
namespace {

constexpr const char* kConflicts = R"sql(
  SELECT c.id, c.uid, coalesce(u.slug, ''), c.kind, c.reason, p.hash, p.received_at,
         coalesce(s.decision, ''), coalesce(b.slug, ''), coalesce(s.reason, ''), c.record,
         c.packet_id
    FROM conflict c JOIN packet p ON p.id = c.packet_id
    LEFT JOIN unit u ON u.id = c.unit_id
    LEFT JOIN conflict_settlement s ON s.conflict_id = c.id
    LEFT JOIN unit b ON b.id = s.unit_id
)sql";
constexpr const char* kSettle = R"sql(
  INSERT INTO conflict_settlement (conflict_id, decision, unit_id, recorded_at, reason, journal_id)
  VALUES (:id, :decision, :unit_id, :recorded_at, :reason, :journal_id)
)sql";

ConflictRow RowFrom(SQLite::Statement& query) {
  ConflictRow row;
  row.id = query.getColumn(0).getInt64();
  row.uid = query.getColumn(1).getString();
  row.unit = query.getColumn(2).getString();
  row.kind = query.getColumn(3).getString();
  row.reason = query.getColumn(4).getString();
  row.packet = query.getColumn(5).getString();
  row.received_at = query.getColumn(6).getString();
  const std::string decision = query.getColumn(7).getString();
  row.state = decision.empty() ? "open" : decision == "accept" ? "accepted" : "rejected";
  row.settled_by = query.getColumn(8).getString();
  row.settled_reason = query.getColumn(9).getString();
  return row;
}

std::vector<ConflictRow> Conflicts(Connection& connection, const std::string& sql) {
  SQLite::Statement query(connection.db(), sql);
  std::vector<ConflictRow> rows;
  while (query.executeStep()) rows.push_back(RowFrom(query));
  return rows;
}

}  // namespace

std::vector<ConflictRow> ListConflicts(Connection& connection) {
  return Conflicts(connection, std::string(kConflicts) + " ORDER BY s.id IS NOT NULL, c.id");
}

std::vector<ConflictRow> OpenConflicts(Connection& connection) {
  return Conflicts(connection, std::string(kConflicts) + " WHERE s.id IS NULL ORDER BY c.id");
}

std::optional<ConflictRow> FindConflict(Connection& connection, int64_t id) {
  SQLite::Statement query(connection.db(), std::string(kConflicts) + " WHERE c.id = :id");
  query.bind(":id", id);
  if (!query.executeStep()) return std::nullopt;
  return RowFrom(query);
}

Status SettleConflict(Connection& connection, int64_t id, const Settlement& settlement) {
  SQLite::Statement query(connection.db(), std::string(kConflicts) + " WHERE c.id = :id");
  query.bind(":id", id);
  if (!query.executeStep()) return Status::BadData(fmt::format("conflict #{} does not exist", id));
  const ConflictRow conflict = RowFrom(query);
  if (conflict.state != "open") {
    return Status::BadData(fmt::format("conflict #{} is {} already (by {}: {})", id, conflict.state,
                                       conflict.settled_by, conflict.settled_reason));
  }
  SQLite::Statement settle(connection.db(), kSettle);
  settle.bind(":id", id);
  settle.bind(":decision", settlement.accept ? "accept" : "reject");
  settle.bind(":unit_id", settlement.by.id);
  settle.bind(":recorded_at", settlement.recorded_at);
  settle.bind(":reason", settlement.reason);
  settle.bind(":journal_id", settlement.journal_id);
  settle.exec();
  if (!settlement.accept) return Status::Ok();
  Receiver receiver(connection, {settlement.by, true, settlement.recorded_at, settlement.today},
                    query.getColumn(11).getInt64());
  Status applied = receiver.ApplyStored(query.getColumn(10).getString());
  if (!applied.ok()) {
    return Status::BadData(
        fmt::format("conflict #{} cannot be accepted: {}", id, applied.message()));
  }
  return Status::Ok();
}

}  // namespace plantrack::store
