#include "store/json_line.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace plantrack::store {

JsonLine::JsonLine(std::string& out) : out_(out) { out_ += '{'; }

void JsonLine::Key(std::string_view key) {
  if (!first_) out_ += ',';
  first_ = false;
  // Keys are the codec's own names (letters, digits, '_' and '-'), which never need escaping:
  // copied as they are, they cost a million-entry import's seal nine quotings per entry less.
  out_ += '"';
  out_.append(key);
  out_ += "\":";
}

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// Whether any of the eight bytes needs escaping: below 0x20, '"' or '\\' (a byte of UTF-8,
// 0x80 and up, never does). The classic "has a zero byte" and "has a byte below n" tests.
bool NeedsEscape(uint64_t word) {
  const auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  return (((word - kOnes * 0x20) & ~word & kHighs) | has_zero(word ^ (kOnes * '"')) |
          has_zero(word ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void JsonLine::Quoted(std::string_view text) {
  out_ += '"';
  // Runs of plain characters are copied whole, eight bytes checked at a time: sealing an
  // import of a million entries quotes eight million of these (bench/README.md).
  size_t plain = 0, i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (!NeedsEscape(word)) {
        i += 8;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') {
      ++i;
      continue;
    }
    out_.append(text.substr(plain, i - plain));
    if (byte < 0x20) {
      fmt::format_to(std::back_inserter(out_), "\\u{:04x}", byte);
    } else {
      out_ += '\\';
      out_ += text[i];
    }
    plain = ++i;
  }
  out_.append(text.substr(plain));
  out_ += '"';
}

void JsonLine::Text(std::string_view key, std::string_view value) {
  Key(key);
  Quoted(value);
}

void JsonLine::Integer(std::string_view key, int64_t value) {
  Key(key);
  fmt::format_to(std::back_inserter(out_), "{}", value);
}

void JsonLine::Number(std::string_view key, double value) {
  Key(key);
  // fmt's "{}" is the shortest text that reads back as the same double.
  fmt::format_to(std::back_inserter(out_), "{}", value);
}

void JsonLine::Null(std::string_view key) {
  Key(key);
  out_ += "null";
}

void JsonLine::Close() { out_ += '}'; }

}  // namespace plantrack::store
