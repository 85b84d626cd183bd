#pragma once
// A packet: one text file of JSON lines that carries records between offices, signed by the
// unit that made it. Its layout (format 1):
//
//   {"packet":"plantrack","format":1}          the body: this line,
//   {"s":"units","slug":..,...}                 the plan's structure (publish only), one line
//   ...                                         per row in the import format, then the keys,
//   {"record":UID,...} {"t":...} ...            and the records (record_codec.h);
//   {"format":1,"plan":..,"kind":..,...}        the header, which names the digests of the body
//   {"signature":HEX}                           and is what the Ed25519 signature covers.
//
// The header comes last so a packet is written in one pass; the reader finds it from the end.
// Changing any byte changes the body digest, the records digest, the header or the signature,
// so the packet no longer verifies.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/digest.h"
#include "domain/status.h"
#include "store/connection.h"
#include "store/identity.h"

namespace plantrack::store {

constexpr int kPacketFormat = 1;
constexpr std::string_view kPacketMagic = R"({"packet":"plantrack","format":1})";

struct PacketHeader {
  int format = kPacketFormat;
  std::string plan;               // the plan's code
  std::string kind;               // publish | send
  std::string unit;               // the signing unit's slug
  std::string public_key;         // hex
  int64_t structure_version = 0;  // publish: the master's counter; send: the version held
  std::string created_at;         // timestamp
  int64_t records = 0;            // how many records the body carries
  std::string body_digest;        // BLAKE2b-256 of every body line with its '\n', hex
  std::string records_digest;     // BLAKE2b-256 of the records' hashes concatenated, hex
};
std::string EncodeHeader(const PacketHeader& header);
// Exit 65 naming what is wrong: not JSON, a missing field, an unknown format.
Result<PacketHeader> ParseHeader(std::string_view line);

struct PacketRequest {
  std::string kind;  // publish | send
  UnitRef signer;
  domain::KeyPair key;
  std::string plan;
  int64_t structure_version = 0;
  std::string created_at;
};

struct PacketSummary {
  int64_t records = 0, structure_rows = 0;
  std::string hash;  // BLAKE2b-256 of the header line, hex: the packet's name in `history`
};

// Writes the packet to `path` through a temporary file renamed into place, so a failure leaves
// no half-written packet. publish: the structure and every record that wrote rows; send: the
// records of the replica's unit (or a unit below it) written here and not yet acknowledged.
Result<PacketSummary> WritePacket(Connection& connection, const PacketRequest& request,
                                  const std::string& path);

}  // namespace plantrack::store
