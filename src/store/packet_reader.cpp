#include "store/packet_reader.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

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

bool ReadLines(std::istream& in, uint64_t size, size_t block_size,
               const std::function<void(std::string_view block)>& block,
               const std::function<Status(std::string_view line)>& line, Status& status) {
  std::vector<char> buffer(std::min<uint64_t>(size, block_size));
  std::string carry;  // the start of a line the last block cut
  for (uint64_t left = size; left > 0;) {
    const auto want = static_cast<std::streamsize>(std::min<uint64_t>(buffer.size(), left));
    if (!in.read(buffer.data(), want)) return false;
    left -= static_cast<uint64_t>(want);
    const std::string_view data(buffer.data(), static_cast<size_t>(want));
    block(data);
    for (size_t start = 0; start < data.size();) {
      const size_t end = data.find('\n', start);
      if (end == std::string_view::npos) {
        carry.append(data.substr(start));
        break;
      }
      if (carry.empty()) {
        status = line(data.substr(start, end - start));
      } else {
        carry.append(data.substr(start, end - start));
        status = line(std::string_view(carry));
        carry.clear();
      }
      if (!status.ok()) return true;
      start = end + 1;
    }
  }
  return carry.empty();
}

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
  bool first = true;
  Status magic;
  const bool whole = ReadLines(
      in, trailer->offset, kBlockBytes, [&](std::string_view block) { body.Add(block); },
      [&](std::string_view line) {
        if (first && line != kPacketMagic) return Bad(path, "it is not a plantrack packet");
        first = false;
        if (auto id = RecordKeyOfLine(line)) reader.record_keys_.push_back(*id);
        return Status::Ok();
      },
      magic);
  if (!magic.ok()) return magic;
  if (!whole || domain::ToHex(body.Finish()) != reader.header_.body_digest) {
    return Bad(path, "its contents do not match the digest it was signed with (altered)");
  }
  reader.body_bytes_ = trailer->offset;
  reader.hash_ = domain::ToHex(domain::HashOf(reader.header_line_));
  return reader;
}

Status PacketReader::ForEachLine(
    const std::function<Status(std::string_view line, int64_t number)>& callback) const {
  std::ifstream in(path_, std::ios::binary);
  int64_t number = 0;
  Status status;
  const bool whole = ReadLines(
      in, body_bytes_, kBlockBytes, [](std::string_view) {},
      [&](std::string_view line) {
        // The first line is the magic.
        return ++number == 1 ? Status::Ok() : callback(line, number);
      },
      status);
  if (!status.ok()) return status;
  if (!whole) return Status::IoError(fmt::format("packet {} changed while read", path_));
  return Status::Ok();
}

}  // namespace plantrack::store
