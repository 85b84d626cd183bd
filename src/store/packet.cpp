#include "store/packet.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/json_line.h"

namespace plantrack::store {

std::string EncodeHeader(const PacketHeader& header) {
  std::string line;
  JsonLine json(line);
  json.Integer("format", header.format);
  json.Text("plan", header.plan);
  json.Text("kind", header.kind);
  json.Text("unit", header.unit);
  json.Text("public_key", header.public_key);
  json.Integer("structure_version", header.structure_version);
  json.Text("created_at", header.created_at);
  json.Integer("records", header.records);
  json.Text("body_digest", header.body_digest);
  json.Text("records_digest", header.records_digest);
  json.Close();
  return line;
}

Result<PacketHeader> ParseHeader(std::string_view line) {
  const auto json = nlohmann::json::parse(line, nullptr, false);
  if (!json.is_object()) return Status::BadData("its header is not a JSON object");
  PacketHeader header;
  try {
    header.format = json.at("format").get<int>();
    if (header.format != kPacketFormat) {
      return Status::BadData(fmt::format("packet format {} is not one this plantrack reads ({})",
                                         header.format, kPacketFormat));
    }
    header.plan = json.at("plan").get<std::string>();
    header.kind = json.at("kind").get<std::string>();
    header.unit = json.at("unit").get<std::string>();
    header.public_key = json.at("public_key").get<std::string>();
    header.structure_version = json.at("structure_version").get<int64_t>();
    header.created_at = json.at("created_at").get<std::string>();
    header.records = json.at("records").get<int64_t>();
    header.body_digest = json.at("body_digest").get<std::string>();
    header.records_digest = json.at("records_digest").get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    return Status::BadData(fmt::format("its header is incomplete: {}", e.what()));
  }
  if (header.kind != "publish" && header.kind != "send") {
    return Status::BadData(fmt::format("packet kind '{}' is not publish or send", header.kind));
  }
  if (EncodeHeader(header) != line) return Status::BadData("its header is not in canonical form");
  return header;
}

}  // namespace plantrack::store
