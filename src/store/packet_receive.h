#pragma once
// Merging a verified packet into this file. Each record in it is *applied* (written with its
// own journal row and global id), found *present* (its id is here already: receiving twice or
// out of order adds nothing twice), or kept as a *conflict* with its reason when it is valid
// but collides with what this file holds. Nothing is dropped. A record the signer may not
// vouch for, or that breaks the write path's rules on its own (a malformed date, a percent
// out of range, control characters), refuses the whole packet: the caller rolls back.

#include <cstdint>
#include <string>

#include "domain/status.h"
#include "store/connection.h"
#include "store/identity.h"
#include "store/packet_reader.h"

namespace plantrack::store {

struct ReceivePolicy {
  // The unit whose registered key signed the packet; id 0 for a new replica, which learns it
  // from the packet's own structure (the signer must be a coordinator there).
  UnitRef signer;
  bool authoritative = false;  // the master's published packet: its records are not re-judged
  std::string now_utc;         // received_at
  std::string today;           // no record may be dated after it
};

struct ReceiveCounts {
  int64_t packet_id = 0;
  int64_t applied = 0, present = 0, conflicts = 0, acknowledged = 0, structure_rows = 0;
};

// A 64 MB page cache instead of SQLite's 2 MB, for this connection: received records land all
// over the journal's uid index and the log's indexes.
void UseLargeCache(Connection& connection);

// Whether this file has received the packet with this hash (packet_reader.h) already.
bool PacketReceived(Connection& connection, const std::string& hash);

// Applies the packet inside the caller's transaction; on a non-OK Status the caller must roll
// back (some rows may have been written).
Result<ReceiveCounts> ReceivePacket(Connection& connection, const PacketReader& packet,
                                    const ReceivePolicy& policy);

}  // namespace plantrack::store
