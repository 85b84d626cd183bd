#pragma once
// The public keys registered in the plan: which unit signs with which Ed25519 key. They are
// part of the plan's structure (the master registers them and publishes them to replicas), so
// a packet's signer is known wherever the packet goes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/identity.h"

namespace plantrack::store {

struct RegisteredKey {
  std::string unit;        // slug
  std::string public_key;  // hex
  std::string added_at;
};

// Registers `public_key` (hex) for the unit; exit 65 when another unit holds it already.
Status RegisterKey(Connection& connection, const UnitRef& unit, const std::string& public_key,
                   const std::string& added_at);
std::vector<RegisteredKey> ListKeys(Connection& connection);
// The unit that registered `public_key` (hex), if any.
std::optional<UnitRef> UnitOfKey(Connection& connection, const std::string& public_key);

}  // namespace plantrack::store
