#include "store/json_line_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "domain/utf8.h"

namespace plantrack::store {
namespace {

// Whether the line has a raw control character (JsonLine escapes every one), eight bytes at a
// time: a byte below 0x20 is one that borrows when 0x20 is taken from it while its top bit is
// clear.
bool HasControlCharacter(std::string_view line) {
  constexpr uint64_t kOnes = 0x0101010101010101, kTops = 0x8080808080808080;
  size_t i = 0;
  for (uint64_t word; i + sizeof word <= line.size(); i += sizeof word) {
    std::memcpy(&word, line.data() + i, sizeof word);
    if (((word - 0x20 * kOnes) & ~word & kTops) != 0) return true;
  }
  for (; i < line.size(); ++i) {
    if (static_cast<unsigned char>(line[i]) < 0x20) return true;
  }
  return false;
}

// Reads a JSON string at `at` (its opening quote) onto the end of `out`, canonical escapes
// only: \" and \\, control characters as \u00xx in lower-case hex, nothing else escaped. The
// line has been checked whole for raw control characters and UTF-8 (ReadFlatLine).
bool ReadText(std::string_view line, size_t& at, std::string& out) {
  if (at >= line.size() || line[at] != '"') return false;
  ++at;
  while (at < line.size()) {
    // The plain run up to the closing quote or the next escape, found with memchr.
    const size_t quote = line.find('"', at);
    if (quote == std::string_view::npos) return false;
    const size_t escape = line.substr(at, quote - at).find('\\');
    if (escape == std::string_view::npos) {
      out.append(line.substr(at, quote - at));
      at = quote + 1;
      return true;
    }
    out.append(line.substr(at, escape));
    at += escape;
    if (at + 1 >= line.size()) return false;
    const char escaped = line[at + 1];
    if (escaped == '"' || escaped == '\\') {
      out += escaped;
      at += 2;
      continue;
    }
    if (escaped != 'u' || at + 6 > line.size() || line.substr(at + 2, 2) != "00") return false;
    const std::string_view hex = line.substr(at + 4, 2);
    unsigned value = 0;
    for (char h : hex) {
      if (h >= '0' && h <= '9') {
        value = value * 16 + static_cast<unsigned>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        value = value * 16 + static_cast<unsigned>(h - 'a' + 10);
      } else {
        return false;  // upper-case hex is not how JsonLine writes it
      }
    }
    if (value >= 0x20) return false;  // only control characters are escaped this way
    out += static_cast<char>(value);
    at += 6;
  }
  return false;
}

// Whether fmt writes `value` as `token` (JsonLine writes numbers through fmt's "{}"), without
// a string to compare.
template <typename T>
bool WrittenAs(T value, std::string_view token) {
  char buffer[32];
  const auto written = fmt::format_to_n(buffer, sizeof buffer, "{}", value);
  return written.size <= sizeof buffer && std::string_view(buffer, written.size) == token;
}

// Reads a number token at `at`: an integer as fmt writes an int64_t, else a double written in
// its shortest round-trip form (what fmt's "{}" gives; a whole double reads as an integer).
bool ReadNumber(std::string_view line, size_t& at, FlatLine::Kind& kind, int64_t& integer,
                double& number) {
  size_t end = at;
  while (end < line.size() && line[end] != ',' && line[end] != '}') ++end;
  const std::string_view token = line.substr(at, end - at);
  if (token.empty()) return false;
  const char* last = token.data() + token.size();
  auto [int_end, int_error] = std::from_chars(token.data(), last, integer);
  if (int_error == std::errc() && int_end == last) {
    if (!WrittenAs(integer, token)) return false;  // "+1", "01", "-0"
    kind = FlatLine::Kind::kInteger;
    number = static_cast<double>(integer);
  } else {
    auto [end_ptr, error] = std::from_chars(token.data(), last, number);
    if (error != std::errc() || end_ptr != last || !std::isfinite(number)) return false;
    if (!WrittenAs(number, token)) return false;
    kind = FlatLine::Kind::kNumber;
  }
  at = end;
  return true;
}

}  // namespace

const FlatLine::Member* FlatLine::Find(std::string_view key) const {
  // Called some thirty times a row: the size and first letter settle most members unread.
  for (const Member& member : members_) {
    if (member.key_size == key.size() && (key.empty() || text_[member.key_at] == key[0]) &&
        View(member.key_at, member.key_size) == key) {
      return &member;
    }
  }
  return nullptr;
}

std::string_view FlatLine::Text(std::string_view key) const {
  const Member* member = Find(key);
  if (!member || member->kind != Kind::kText) {
    throw std::out_of_range(fmt::format("no text '{}' in the line", key));
  }
  return View(member->text_at, member->text_size);
}

std::string_view FlatLine::TextOr(std::string_view key, std::string_view fallback) const {
  const Member* member = Find(key);
  return member && member->kind == Kind::kText ? View(member->text_at, member->text_size)
                                               : fallback;
}

std::optional<int64_t> FlatLine::Integer(std::string_view key) const {
  const Member* member = Find(key);
  if (!member || member->kind != Kind::kInteger) return std::nullopt;
  return member->integer;
}

std::optional<double> FlatLine::Number(std::string_view key) const {
  const Member* member = Find(key);
  if (!member || (member->kind != Kind::kInteger && member->kind != Kind::kNumber)) {
    return std::nullopt;
  }
  return member->number;
}

std::optional<FlatLine> ReadFlatLine(std::string_view line) {
  if (line.size() < 2 || line.front() != '{' || line.back() != '}') return std::nullopt;
  // Checked once for the whole line rather than text by text: unescaping yields only ASCII, so
  // the line is UTF-8 exactly when every text read from it is.
  if (HasControlCharacter(line) || !domain::IsValidUtf8(line)) return std::nullopt;
  FlatLine flat;
  std::string& text = flat.text_;
  text.reserve(line.size());  // what is unescaped is never longer than what was written
  flat.members_.reserve(12);
  size_t at = 1;
  while (true) {
    FlatLine::Member member{};
    member.key_at = static_cast<uint32_t>(text.size());
    if (!ReadText(line, at, text) || at >= line.size() || line[at] != ':') return std::nullopt;
    member.key_size = static_cast<uint32_t>(text.size() - member.key_at);
    ++at;
    if (flat.Find(flat.View(member.key_at, member.key_size))) return std::nullopt;  // twice
    if (at >= line.size()) return std::nullopt;
    member.text_at = static_cast<uint32_t>(text.size());
    if (line[at] == '"') {
      if (!ReadText(line, at, text)) return std::nullopt;
      member.kind = FlatLine::Kind::kText;
      member.text_size = static_cast<uint32_t>(text.size() - member.text_at);
    } else if (line.substr(at, 4) == "null") {
      at += 4;
      member.kind = FlatLine::Kind::kNull;
    } else if (!ReadNumber(line, at, member.kind, member.integer, member.number)) {
      return std::nullopt;
    }
    flat.members_.push_back(member);
    if (at >= line.size()) return std::nullopt;
    if (line[at] == '}')
      return at + 1 == line.size() ? std::optional(std::move(flat)) : std::nullopt;
    if (line[at] != ',') return std::nullopt;
    ++at;
  }
}

}  // namespace plantrack::store
