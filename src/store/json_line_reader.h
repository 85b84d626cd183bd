#pragma once
// Reads one line written by JsonLine (json_line.h), and only such a line: a flat object of
// text, integers, numbers and nulls, without spaces, keys unique, strings escaped exactly as
// JsonLine escapes them, numbers as JsonLine formats them. A line that is valid JSON but could
// have been written differently is refused, because its bytes are what a record's hash and a
// packet's signature cover. One pass, no re-encoding: this is what a receiver parses 100,000
// records a second with.

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace plantrack::store {

// The object, keys in the order written; nothing when the line is not canonical JsonLine
// output (including invalid UTF-8, nested values, booleans, an empty object).
std::optional<nlohmann::ordered_json> ReadJsonLine(std::string_view line);

}  // namespace plantrack::store
