#include "domain/digest.h"

#include <sodium.h>

#include <stdexcept>

namespace plantrack::domain {
namespace {

void InitSodiumOnce() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

crypto_generichash_state* State(unsigned char* bytes) {
  static_assert(sizeof(crypto_generichash_state) <= 384);
  return reinterpret_cast<crypto_generichash_state*>(bytes);
}

const unsigned char* Bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

Hasher::Hasher() {
  InitSodiumOnce();
  crypto_generichash_init(State(state_), nullptr, 0, crypto_generichash_BYTES);
}

void Hasher::Add(std::string_view bytes) {
  crypto_generichash_update(State(state_), Bytes(bytes), bytes.size());
}

void Hasher::Add(const Hash& hash) {
  crypto_generichash_update(State(state_), hash.data(), hash.size());
}

Hash Hasher::Finish() {
  Hash hash{};
  crypto_generichash_final(State(state_), hash.data(), hash.size());
  return hash;
}

Hash HashOf(std::string_view bytes) {
  Hasher hasher;
  hasher.Add(bytes);
  return hasher.Finish();
}

Hash ChainLink(const Hash& previous, const Hash& record) {
  Hasher hasher;
  hasher.Add(previous);
  hasher.Add(record);
  return hasher.Finish();
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 0xf];
  }
  return hex;
}

std::string ToHex(const Hash& hash) {
  return ToHex(std::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

bool IsLowerHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return false;
  for (char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (!IsLowerHex(hex)) return std::nullopt;
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
  }
  return bytes;
}

std::optional<Hash> HashFromHex(std::string_view hex) {
  auto bytes = FromHex(hex);
  if (!bytes || bytes->size() != 32) return std::nullopt;
  Hash hash{};
  std::copy(bytes->begin(), bytes->end(), hash.begin());
  return hash;
}

std::string RandomBytes(size_t count) {
  InitSodiumOnce();
  std::string bytes(count, '\0');
  randombytes_buf(bytes.data(), count);
  return bytes;
}

KeyPair NewKeyPair() {
  InitSodiumOnce();
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(public_key, secret_key);
  KeyPair pair{std::string(reinterpret_cast<char*>(public_key), sizeof public_key),
               std::string(reinterpret_cast<char*>(secret_key), sizeof secret_key)};
  sodium_memzero(secret_key, sizeof secret_key);
  return pair;
}

std::string Sign(std::string_view message, std::string_view secret_key) {
  InitSodiumOnce();
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES) {
    throw std::invalid_argument("a secret key has 64 bytes");
  }
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, Bytes(message), message.size(), Bytes(secret_key));
  return std::string(reinterpret_cast<char*>(signature), sizeof signature);
}

bool VerifySignature(std::string_view message, std::string_view signature,
                     std::string_view public_key) {
  InitSodiumOnce();
  if (signature.size() != crypto_sign_BYTES || public_key.size() != crypto_sign_PUBLICKEYBYTES) {
    return false;
  }
  return crypto_sign_verify_detached(Bytes(signature), Bytes(message), message.size(),
                                     Bytes(public_key)) == 0;
}

std::string PublicKeyOf(std::string_view secret_key) {
  InitSodiumOnce();
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES) return {};
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_ed25519_sk_to_pk(public_key, Bytes(secret_key));
  return std::string(reinterpret_cast<char*>(public_key), sizeof public_key);
}

}  // namespace plantrack::domain
