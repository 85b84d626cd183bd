#pragma once
// Received records kept as conflicts (packet_receive.h), and how a coordinator settles them:
// accept writes the record as it came (with its own id, so a later copy is found present),
// reject keeps it out. Either way the settlement is a row of the settling command's record.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/identity.h"

namespace plantrack::store {

struct ConflictRow {
  int64_t id = 0;
  std::string uid, unit, kind, reason, packet, received_at;
  std::string state;  // open | accepted | rejected
  std::string settled_by, settled_reason;
};
// Open ones first, then by id.
std::vector<ConflictRow> ListConflicts(Connection& connection);
std::optional<ConflictRow> FindConflict(Connection& connection, int64_t id);
// The open ones only (not yet accepted or rejected), by id: what `audit` lists as findings.
std::vector<ConflictRow> OpenConflicts(Connection& connection);

struct Settlement {
  bool accept = false;
  UnitRef by;
  std::string recorded_at, reason, today;
  int64_t journal_id = 0;
};
// Exit 65 when the conflict is settled already, or (accepting) when what the record refers to
// is gone.
Status SettleConflict(Connection& connection, int64_t id, const Settlement& settlement);

}  // namespace plantrack::store
