// A packet's body read a block at a time (store/packet_reader.h, ReadLines) gives every line
// whole, wherever the blocks cut it, and every byte once to the digest.

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "store/packet_reader.h"

using plantrack::Status;
using plantrack::store::ReadLines;

namespace {

struct Read {
  bool whole = false;
  Status status;
  std::vector<std::string> lines;
  std::string blocks;
};

Read ReadAll(const std::string& bytes, uint64_t size, size_t block_size, size_t stop_at = 0) {
  std::istringstream in(bytes);
  Read read;
  read.whole = ReadLines(
      in, size, block_size, [&](std::string_view block) { read.blocks.append(block); },
      [&](std::string_view line) {
        read.lines.emplace_back(line);
        return read.lines.size() == stop_at ? Status::BadData("stop") : Status::Ok();
      },
      read.status);
  return read;
}

}  // namespace

TEST_CASE("packet lines: every line whole whatever the block size", "[store][receive]") {
  std::vector<std::string> lines;
  std::string bytes;
  for (size_t n = 0; n < 60; ++n) {
    lines.push_back(std::string(n % 23, static_cast<char>('a' + n % 26)));
    bytes += lines.back() + "\n";
  }
  for (size_t block_size : {1, 2, 7, 8, 64, 1000, 1 << 20}) {
    CAPTURE(block_size);
    const Read read = ReadAll(bytes + "trailer\n", bytes.size(), block_size);
    CHECK(read.whole);
    CHECK(read.status.ok());
    CHECK(read.lines == lines);
    CHECK(read.blocks == bytes);  // the trailer after `size` is not read
  }
}

TEST_CASE("packet lines: a refused line stops the reading; short or unended bytes are not whole",
          "[store][receive]") {
  const std::string bytes = "one\ntwo\nthree\n";
  const Read stopped = ReadAll(bytes, bytes.size(), 3, 2);
  CHECK(stopped.status.message() == "stop");
  CHECK(stopped.lines == std::vector<std::string>{"one", "two"});
  CHECK_FALSE(ReadAll(bytes, bytes.size() + 5, 4).whole);  // the file is shorter than said
  CHECK_FALSE(ReadAll(bytes, bytes.size() - 1, 4).whole);  // the last line has no newline
  CHECK(ReadAll("", 0, 4).whole);
}
