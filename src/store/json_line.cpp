#include "store/json_line.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <cstring>

namespace plantrack::store {

JsonLine::JsonLine(std::string& out) : out_(out) { out_ += '{'; }

char* JsonLine::Grow(size_t bytes) {
  const size_t size = out_.size();
  out_.resize(size + bytes);
  return out_.data() + size;
}

// Keys are the codec's own names (letters, digits, '_' and '-'), which never need escaping:
// copied as they are, they cost a million-entry import's seal nine quotings per entry less.
char* JsonLine::Key(std::string_view key, size_t more) {
  char* at = Grow(key.size() + (first_ ? 3 : 4) + more);
  if (!first_) *at++ = ',';
  first_ = false;
  *at++ = '"';
  std::memcpy(at, key.data(), key.size());
  at += key.size();
  *at++ = '"';
  *at++ = ':';
  return at;
}

void JsonLine::Key(std::string_view key) { Key(key, 0); }

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

// Whether any byte of `text` needs escaping, eight at a time (the last few padded with a
// letter, which never does).
bool NeedsEscape(std::string_view text) {
  uint64_t word;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::memcpy(&word, text.data() + i, 8);
    if (NeedsEscape(word)) return true;
  }
  if (i == text.size()) return false;
  word = kOnes * 'a';
  std::memcpy(&word, text.data() + i, text.size() - i);
  return NeedsEscape(word);
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
  if (NeedsEscape(value)) {
    Key(key);
    return Quoted(value);
  }
  // Nearly every text: the key, the quotes and the text in one append (a million-entry
  // import's seal writes eight million of them).
  char* at = Key(key, value.size() + 2);
  *at++ = '"';
  if (!value.empty()) std::memcpy(at, value.data(), value.size());
  at[value.size()] = '"';
}

void JsonLine::Integer(std::string_view key, int64_t value) {
  char digits[24];  // to_chars: the same decimal as fmt's "{}", without its output iterator
  const size_t length = std::to_chars(digits, digits + sizeof digits, value).ptr - digits;
  std::memcpy(Key(key, length), digits, length);
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
