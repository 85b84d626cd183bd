#pragma once
// Checks that a received record is one its packet's signer vouched for. A packet row keeps the
// packet's signed header line, the Ed25519 signature over exactly those bytes, the signer's
// public key, and the 32-byte hashes of the packet's records in order; the header's
// "records_digest" is the hex BLAKE2b-256 of those hashes. So a record received long ago still
// verifies after the packet file is gone, and an edit to the packet row or to the record shows.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "domain/digest.h"
#include "store/connection.h"

namespace plantrack::store {

class PacketChecker {
 public:
  explicit PacketChecker(Connection& connection) : connection_(connection) {}

  // Why the record whose recomputed hash is `record_hash`, received in packet `packet_id`, does
  // not verify; nothing when it does. Each packet is read and its signature checked once.
  std::optional<std::string> Check(int64_t packet_id, const domain::Hash& record_hash);

 private:
  struct Packet {
    std::optional<std::string> problem;  // the packet itself does not verify
    std::set<domain::Hash> records;
  };
  Packet Load(int64_t packet_id);

  Connection& connection_;
  std::map<int64_t, Packet> packets_;
};

}  // namespace plantrack::store
