// BLAKE2b-256 and Ed25519 through libsodium: known answers, and signatures that fail on any
// changed byte.

#include "domain/digest.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

TEST_CASE("digest: BLAKE2b-256 of known inputs", "[domain][digest]") {
  CHECK(ToHex(HashOf("")) == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  Hasher pieces;
  pieces.Add("ab");
  pieces.Add("c");
  CHECK(pieces.Finish() == HashOf("abc"));
  CHECK(ChainLink(Hash{}, HashOf("abc")) != ChainLink(Hash{}, HashOf("abd")));
}

TEST_CASE("digest: hex round trip refuses what is not lower-case hex", "[domain][digest]") {
  CHECK(FromHex("00ff10") == std::string("\x00\xff\x10", 3));
  CHECK_FALSE(FromHex("0"));
  CHECK_FALSE(FromHex("0G"));
  CHECK_FALSE(FromHex("AB"));
  // IsLowerHex answers what FromHex would, without decoding.
  for (const char* hex : {"", "00ff10", "0", "0G", "AB", "aB", "9f", "g0", " 0", "0a0b0c0d"}) {
    CAPTURE(hex);
    CHECK(IsLowerHex(hex) == FromHex(hex).has_value());
  }
  CHECK_FALSE(HashFromHex("00"));
  const Hash hash = HashOf("x");
  CHECK(HashFromHex(ToHex(hash)) == hash);
}

TEST_CASE("digest: a signature verifies only for its message and key", "[domain][digest]") {
  const KeyPair pair = NewKeyPair();
  const KeyPair other = NewKeyPair();
  CHECK(pair.public_key.size() == 32);
  CHECK(pair.secret_key.size() == 64);
  CHECK(PublicKeyOf(pair.secret_key) == pair.public_key);
  const std::string signature = Sign("packet header", pair.secret_key);
  CHECK(VerifySignature("packet header", signature, pair.public_key));
  CHECK_FALSE(VerifySignature("packet headeR", signature, pair.public_key));
  CHECK_FALSE(VerifySignature("packet header", signature, other.public_key));
  std::string flipped = signature;
  flipped[10] = static_cast<char>(flipped[10] ^ 1);
  CHECK_FALSE(VerifySignature("packet header", flipped, pair.public_key));
  CHECK_FALSE(VerifySignature("packet header", signature.substr(1), pair.public_key));
  CHECK(RandomBytes(16).size() == 16);
  CHECK(RandomBytes(16) != RandomBytes(16));
}
