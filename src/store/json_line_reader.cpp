#include "store/json_line_reader.h"

#include <fmt/format.h>

#include <bit>
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

// Where the first '"' or '\\' at or after `from` is, eight bytes at a time (a text is some
// twenty-five bytes: two memchr calls cost more than the search): a byte is one of them when
// its XOR with it is zero, and the lowest zero byte the classic test flags is exact.
size_t FindQuoteOrEscape(std::string_view text, size_t from) {
  static_assert(std::endian::native == std::endian::little, "the lowest byte comes first");
  constexpr uint64_t kOnes = 0x0101010101010101, kTops = 0x8080808080808080;
  const auto zero_bytes = [](uint64_t x) { return (x - kOnes) & ~x & kTops; };
  size_t i = from;
  for (uint64_t word; i + sizeof word <= text.size(); i += sizeof word) {
    std::memcpy(&word, text.data() + i, sizeof word);
    const uint64_t found = zero_bytes(word ^ (kOnes * '"')) | zero_bytes(word ^ (kOnes * '\\'));
    if (found != 0) return i + static_cast<size_t>(std::countr_zero(found)) / 8;
  }
  for (; i < text.size(); ++i) {
    if (text[i] == '"' || text[i] == '\\') return i;
  }
  return std::string_view::npos;
}

// Reads the JSON string at `at` (its opening quote) in `line`, the line's own copy; canonical
// escapes only: \" and \\, control characters as \u00xx in lower-case hex, nothing else
// escaped. The text is where it stands in the line: one with escapes is unescaped in place (it
// only shrinks), so nothing is copied. The line has been checked whole for raw control
// characters and UTF-8 (ReadFlatLine).
bool ReadText(std::string& line, size_t& at, uint32_t& text_at, uint32_t& text_size) {
  if (at >= line.size() || line[at] != '"') return false;
  const size_t start = ++at;
  size_t written = start;  // the end of the text unescaped so far
  const std::string_view view(line);
  while (true) {
    // The plain run up to the closing quote or the next escape.
    const size_t stop = FindQuoteOrEscape(view, at);
    if (stop == std::string_view::npos) return false;
    if (written != at) std::memmove(line.data() + written, line.data() + at, stop - at);
    written += stop - at;
    if (line[stop] == '"') {
      at = stop + 1;
      text_at = static_cast<uint32_t>(start);
      text_size = static_cast<uint32_t>(written - start);
      return true;
    }
    at = stop;
    if (at + 1 >= line.size()) return false;
    const char escaped = line[at + 1];
    if (escaped == '"' || escaped == '\\') {
      line[written++] = escaped;
      at += 2;
      continue;
    }
    if (escaped != 'u' || at + 6 > line.size() || view.substr(at + 2, 2) != "00") return false;
    unsigned value = 0;
    for (char h : view.substr(at + 4, 2)) {
      if (h >= '0' && h <= '9') {
        value = value * 16 + static_cast<unsigned>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        value = value * 16 + static_cast<unsigned>(h - 'a' + 10);
      } else {
        return false;  // upper-case hex is not how JsonLine writes it
      }
    }
    if (value >= 0x20) return false;  // only control characters are escaped this way
    line[written++] = static_cast<char>(value);
    at += 6;
  }
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

const FlatLine::Member* FlatLine::FindInTurn(std::string_view key) const {
  for (const Member& member : members_) {
    if (View(member.key_at, member.key_size) == key) return &member;
  }
  return nullptr;
}

void FlatLine::NoText(std::string_view key) {
  throw std::out_of_range(fmt::format("no text '{}' in the line", key));
}

bool FlatLine::Add(const Member& member) {
  const std::string_view key = View(member.key_at, member.key_size);
  if (Find(key)) return false;
  members_.push_back(member);
  if (members_.size() > kSlots / 2) return true;  // Find reads them in turn
  size_t slot = SlotOf(key);
  while (slots_[slot] != 0) slot = (slot + 1) % kSlots;
  slots_[slot] = static_cast<uint8_t>(members_.size());
  return true;
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
  text.assign(line);  // the texts are read where they stand in this copy
  flat.members_.reserve(12);
  size_t at = 1;
  while (true) {
    FlatLine::Member member{};
    if (!ReadText(text, at, member.key_at, member.key_size) || at >= text.size() ||
        text[at] != ':') {
      return std::nullopt;
    }
    if (++at >= text.size()) return std::nullopt;
    if (text[at] == '"') {
      if (!ReadText(text, at, member.text_at, member.text_size)) return std::nullopt;
      member.kind = FlatLine::Kind::kText;
    } else if (line.substr(at, 4) == "null") {
      at += 4;
      member.kind = FlatLine::Kind::kNull;
    } else if (!ReadNumber(line, at, member.kind, member.integer, member.number)) {
      return std::nullopt;
    }
    if (!flat.Add(member)) return std::nullopt;  // a key twice
    if (at >= line.size()) return std::nullopt;
    if (line[at] == '}')
      return at + 1 == line.size() ? std::optional(std::move(flat)) : std::nullopt;
    if (line[at] != ',') return std::nullopt;
    ++at;
  }
}

}  // namespace plantrack::store
