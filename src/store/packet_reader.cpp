#include "store/packet_reader.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace plantrack::store {
namespace {

// The last two lines of the file (header, signature) and where the first of them starts.
struct Trailer {
  std::string header, signature;
  uint64_t offset = 0;
};

std::optional<Trailer> ReadTrailer(std::ifstream& in, uint64_t size) {
  const uint64_t tail = std::min<uint64_t>(size, 64 * 1024);
  std::string bytes(tail, '\0');
  in.seekg(static_cast<std::streamoff>(size - tail));
  in.read(bytes.data(), static_cast<std::streamsize>(tail));
  if (!in || bytes.empty() || bytes.back() != '\n') return std::nullopt;
  const size_t signature_start = bytes.rfind('\n', bytes.size() - 2);
  if (signature_start == std::string::npos || signature_start == 0) return std::nullopt;
  const size_t header_start = bytes.rfind('\n', signature_start - 1);
  if (header_start == std::string::npos) return std::nullopt;
  Trailer trailer;
  trailer.header = bytes.substr(header_start + 1, signature_start - header_start - 1);
  trailer.signature = bytes.substr(signature_start + 1, bytes.size() - signature_start - 2);
  trailer.offset = size - tail + header_start + 1;
  return trailer;
}

Status Bad(const std::string& path, const std::string& why) {
  return Status::BadData(fmt::format("packet {} is refused: {}", path, why));
}

}  // namespace

Result<PacketReader> PacketReader::Open(const std::string& path) {
  std::error_code error;
  const uint64_t size = std::filesystem::file_size(path, error);
  if (error) return Status::NoInput(fmt::format("packet {}: {}", path, error.message()));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NoInput(fmt::format("packet {} cannot be read", path));
  auto trailer = ReadTrailer(in, size);
  if (!trailer) return Bad(path, "it is truncated (no header and signature at its end)");
  PacketReader reader;
  reader.path_ = path;
  Result<PacketHeader> header = ParseHeader(trailer->header);
  if (!header.ok()) return Bad(path, header.status().message());
  reader.header_ = header.value();
  reader.header_line_ = trailer->header;
  const auto signature = nlohmann::json::parse(trailer->signature, nullptr, false);
  if (!signature.is_object() || !signature.contains("signature") ||
      !signature["signature"].is_string()) {
    return Bad(path, "its last line is not a signature");
  }
  reader.signature_hex_ = signature["signature"].get<std::string>();
  const auto signature_bytes = domain::FromHex(reader.signature_hex_);
  const auto key = domain::FromHex(reader.header_.public_key);
  if (!signature_bytes || !key ||
      !domain::VerifySignature(reader.header_line_, *signature_bytes, *key)) {
    return Bad(path, fmt::format("its signature does not verify with the key it names ({})",
                                 reader.header_.public_key));
  }
  // The body, hashed as it is read: any byte changed since signing shows here.
  in.clear();
  in.seekg(0);
  domain::Hasher body;
  std::string line;
  uint64_t read = 0;
  bool first = true;
  while (read < trailer->offset && std::getline(in, line)) {
    read += line.size() + 1;
    if (first && line != kPacketMagic) return Bad(path, "it is not a plantrack packet");
    first = false;
    body.Add(line);
    body.Add("\n");
    if (auto id = RecordKeyOfLine(line)) reader.record_keys_.push_back(*id);
  }
  if (read != trailer->offset || domain::ToHex(body.Finish()) != reader.header_.body_digest) {
    return Bad(path, "its contents do not match the digest it was signed with (altered)");
  }
  reader.body_bytes_ = trailer->offset;
  reader.hash_ = domain::ToHex(domain::HashOf(reader.header_line_));
  return reader;
}

Status PacketReader::ForEachLine(
    const std::function<Status(std::string_view line, int64_t number)>& callback) const {
  std::ifstream in(path_, std::ios::binary);
  std::string line;
  uint64_t read = 0;
  int64_t number = 0;
  while (read < body_bytes_ && std::getline(in, line)) {
    read += line.size() + 1;
    if (++number == 1) continue;  // the magic line
    if (Status status = callback(line, number); !status.ok()) return status;
  }
  if (read != body_bytes_)
    return Status::IoError(fmt::format("packet {} changed while read", path_));
  return Status::Ok();
}

}  // namespace plantrack::store
