#pragma once
// A unit's private signing key lives in a file of its own, never in the database: one line,
// "plantrack-ed25519-secret " and the 64-byte libsodium secret key in hex. The file must be
// readable by its owner only (mode 0600): a key others can read is refused, since anyone who
// can read it can sign for the unit.

#include <string>

#include "domain/digest.h"
#include "domain/status.h"

namespace plantrack::store {

// Creates `path` with mode 0600 (never overwriting: exit 73 when it exists or cannot be made).
Status WriteKeyFile(const std::string& path, const domain::KeyPair& pair);
// The text of a key file, for `key new --out -` (stdout, when that is what the user asked).
std::string KeyFileText(const domain::KeyPair& pair);

// Reads and checks a key file: 66 when missing, 65 for wrong permissions or content.
Result<domain::KeyPair> ReadKeyFile(const std::string& path);

}  // namespace plantrack::store
