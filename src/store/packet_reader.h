#pragma once
// Reading a packet (packet.h): finds the header and signature at the end, checks the
// signature against the key the header names and the body against its digest, then streams
// the body's lines to the caller. Who the key belongs to is the receiver's question.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "store/packet.h"
#include "store/record_presence.h"

namespace plantrack::store {

class PacketReader {
 public:
  // Exit 66 when the file is missing, 65 naming the fault when it is truncated, altered, of
  // another format, or its signature does not verify.
  static Result<PacketReader> Open(const std::string& path);

  const PacketHeader& header() const { return header_; }
  const std::string& header_line() const { return header_line_; }
  const std::string& signature_hex() const { return signature_hex_; }
  const std::string& hash() const { return hash_; }  // hex of BLAKE2b-256(header line)
  const std::string& path() const { return path_; }
  // The ids the body's record headers start with, in the order they come (found while the
  // body is hashed, so the receiver can ask for all of them at once).
  const std::vector<RecordKey>& record_keys() const { return record_keys_; }

  // Calls `line` with every body line after the first, and its line number in the file; stops
  // at the first non-OK Status and returns it.
  Status ForEachLine(
      const std::function<Status(std::string_view line, int64_t number)>& line) const;

 private:
  std::string path_, header_line_, signature_hex_, hash_;
  PacketHeader header_;
  std::vector<RecordKey> record_keys_;
  uint64_t body_bytes_ = 0;
};

}  // namespace plantrack::store
