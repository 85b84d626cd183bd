#include "store/json_line.h"

#include <fmt/format.h>

namespace plantrack::store {

JsonLine::JsonLine(std::string& out) : out_(out) { out_ += '{'; }

void JsonLine::Key(std::string_view key) {
  if (!first_) out_ += ',';
  first_ = false;
  Quoted(key);
  out_ += ':';
}

void JsonLine::Quoted(std::string_view text) {
  out_ += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out_ += '\\';
      out_ += c;
    } else if (byte < 0x20) {
      fmt::format_to(std::back_inserter(out_), "\\u{:04x}", byte);
    } else {
      out_ += c;
    }
  }
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
