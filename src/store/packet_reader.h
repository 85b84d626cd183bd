#pragma once
// Reading a packet (packet.h): finds the header and signature at the end, checks the
// signature against the key the header names and the body against its digest, then streams
// the body's lines to the caller. Who the key belongs to is the receiver's question.

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "store/packet.h"
#include "store/record_presence.h"

namespace plantrack::store {

// Reads the first `size` bytes of `in` `block_size` bytes at a time, giving `block` each block
// and `line` each line in them without its newline (a line may span blocks); stops at the first
// non-OK Status `line` returns, leaving it in `status`. False when the bytes run out first or do
// not end with a newline. Blocks, not getline: a receive reads its packet twice, and a line
// copied out of the stream's buffer each time cost a twentieth of it.
bool ReadLines(std::istream& in, uint64_t size, size_t block_size,
               const std::function<void(std::string_view block)>& block,
               const std::function<Status(std::string_view line)>& line, Status& status);

class PacketReader {
 public:
  static constexpr size_t kBlockBytes = 1 << 20;
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
