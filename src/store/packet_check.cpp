#include "store/packet_check.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace plantrack::store {
namespace {

constexpr const char* kPacket = R"sql(
  SELECT hash, header, signature, public_key, record_hashes FROM packet WHERE id = :id
)sql";

}  // namespace

PacketChecker::Packet PacketChecker::Load(int64_t packet_id) {
  Packet packet;
  SQLite::Statement query(connection_.db(), kPacket);
  query.bind(":id", packet_id);
  if (!query.executeStep()) {
    packet.problem = fmt::format("its packet (row {}) is gone", packet_id);
    return packet;
  }
  const std::string name = fmt::format("its packet {}", query.getColumn(0).getString());
  const std::string header = query.getColumn(1).getString();
  const auto signature = domain::FromHex(query.getColumn(2).getString());
  const auto public_key = domain::FromHex(query.getColumn(3).getString());
  const auto& blob = query.getColumn(4);
  const std::string hashes(static_cast<const char*>(blob.getBlob()),
                           static_cast<size_t>(blob.getBytes()));
  if (!signature || !public_key || !domain::VerifySignature(header, *signature, *public_key)) {
    packet.problem = name + ": the signature over its header does not verify";
    return packet;
  }
  const auto json = nlohmann::json::parse(header, nullptr, false);
  const bool has_digest =
      json.is_object() && json.contains("records_digest") && json["records_digest"].is_string();
  if (!has_digest ||
      json["records_digest"].get<std::string>() != domain::ToHex(domain::HashOf(hashes))) {
    packet.problem = name + ": its record hashes are not the ones its signed header names";
    return packet;
  }
  if (hashes.size() % 32 != 0) {
    packet.problem = name + ": its record hashes are not whole 32-byte hashes";
    return packet;
  }
  for (size_t at = 0; at < hashes.size(); at += 32) {
    domain::Hash hash{};
    std::copy_n(hashes.begin() + static_cast<std::ptrdiff_t>(at), 32, hash.begin());
    packet.records.insert(hash);
  }
  return packet;
}

std::optional<std::string> PacketChecker::Check(int64_t packet_id,
                                                const domain::Hash& record_hash) {
  auto found = packets_.find(packet_id);
  if (found == packets_.end()) found = packets_.emplace(packet_id, Load(packet_id)).first;
  const Packet& packet = found->second;
  if (packet.problem) return packet.problem;
  if (!packet.records.contains(record_hash)) {
    return fmt::format(
        "it was received in a packet, but its hash {} is not among the records the packet's "
        "signer signed: the record was changed after it was received",
        domain::ToHex(record_hash));
  }
  return std::nullopt;
}

}  // namespace plantrack::store
