#pragma once
// BLAKE2b-256 and Ed25519 from libsodium, as plain values: the hash of the record's chain and
// of packets, and the signatures that say which unit vouches for a packet. Pure functions of
// their inputs (no files, no clock); key files are read and written by the store.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plantrack::domain {

using Hash = std::array<unsigned char, 32>;

// A BLAKE2b-256 hash fed piece by piece, so a packet or a record of a million rows is hashed
// without holding it whole.
class Hasher {
 public:
  Hasher();
  void Add(std::string_view bytes);
  void Add(const Hash& hash);
  Hash Finish();  // the hasher is spent afterwards

 private:
  alignas(64) unsigned char state_[384];
};

Hash HashOf(std::string_view bytes);
// The next link of the chain: BLAKE2b-256(previous || record).
Hash ChainLink(const Hash& previous, const Hash& record);

std::string ToHex(std::string_view bytes);
std::string ToHex(const Hash& hash);
// Lower-case hex of even length; nothing for anything else.
std::optional<std::string> FromHex(std::string_view hex);
// Whether FromHex would read `hex` (pairs of 0-9a-f), without decoding it.
bool IsLowerHex(std::string_view hex);
std::optional<Hash> HashFromHex(std::string_view hex);

// `count` bytes from libsodium's random source (record ids).
std::string RandomBytes(size_t count);

struct KeyPair {
  std::string public_key;  // 32 bytes
  std::string secret_key;  // 64 bytes (libsodium's seed + public key)
};
KeyPair NewKeyPair();
// The 64-byte Ed25519 signature of `message` by `secret_key` (64 bytes).
std::string Sign(std::string_view message, std::string_view secret_key);
bool VerifySignature(std::string_view message, std::string_view signature,
                     std::string_view public_key);
// The public half of a 64-byte secret key.
std::string PublicKeyOf(std::string_view secret_key);

}  // namespace plantrack::domain
