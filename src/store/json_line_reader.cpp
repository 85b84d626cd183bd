#include "store/json_line_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string>

#include "domain/utf8.h"

namespace plantrack::store {
namespace {

using Json = nlohmann::ordered_json;

// Reads a JSON string at `at` (its opening quote) into `out`, canonical escapes only: \" and
// \\, control characters as \u00xx in lower-case hex, nothing else escaped.
bool ReadText(std::string_view line, size_t& at, std::string& out) {
  if (at >= line.size() || line[at] != '"') return false;
  ++at;
  out.clear();
  while (at < line.size()) {
    const char c = line[at];
    if (c == '"') {
      ++at;
      return domain::IsValidUtf8(out);
    }
    if (static_cast<unsigned char>(c) < 0x20) return false;  // raw control character
    if (c != '\\') {
      // Copy the plain run at once.
      size_t end = at;
      while (end < line.size() && line[end] != '"' && line[end] != '\\' &&
             static_cast<unsigned char>(line[end]) >= 0x20) {
        ++end;
      }
      out.append(line.substr(at, end - at));
      at = end;
      continue;
    }
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

// Reads a number token at `at`: an integer as fmt writes an int64_t, else a double written in
// its shortest round-trip form (what fmt's "{}" gives; a whole double reads as an integer).
bool ReadNumber(std::string_view line, size_t& at, Json& out) {
  size_t end = at;
  while (end < line.size() && line[end] != ',' && line[end] != '}') ++end;
  const std::string_view token = line.substr(at, end - at);
  if (token.empty()) return false;
  int64_t integer = 0;
  auto [int_end, int_error] = std::from_chars(token.data(), token.data() + token.size(), integer);
  if (int_error == std::errc() && int_end == token.data() + token.size()) {
    if (fmt::format("{}", integer) != token) return false;  // "+1", "01", "-0"
    out = integer;
  } else {
    double number = 0;
    auto [end_ptr, error] = std::from_chars(token.data(), token.data() + token.size(), number);
    if (error != std::errc() || end_ptr != token.data() + token.size() || !std::isfinite(number))
      return false;
    if (fmt::format("{}", number) != token) return false;
    out = number;
  }
  at = end;
  return true;
}

}  // namespace

std::optional<Json> ReadJsonLine(std::string_view line) {
  if (line.size() < 2 || line.front() != '{' || line.back() != '}') return std::nullopt;
  Json object = Json::object();
  auto& members = object.get_ref<Json::object_t&>();
  members.reserve(10);
  size_t at = 1;
  std::string key, text;
  while (true) {
    if (!ReadText(line, at, key) || at >= line.size() || line[at] != ':') return std::nullopt;
    ++at;
    for (const auto& member : members) {
      if (member.first == key) return std::nullopt;  // a key twice
    }
    Json value;
    if (at >= line.size()) return std::nullopt;
    if (line[at] == '"') {
      if (!ReadText(line, at, text)) return std::nullopt;
      value = text;
    } else if (line.substr(at, 4) == "null") {
      at += 4;
    } else if (!ReadNumber(line, at, value)) {
      return std::nullopt;
    }
    members.emplace_back(key, std::move(value));
    if (at >= line.size()) return std::nullopt;
    if (line[at] == '}')
      return at + 1 == line.size() ? std::optional(std::move(object)) : std::nullopt;
    if (line[at] != ',') return std::nullopt;
    ++at;
  }
}

}  // namespace plantrack::store
