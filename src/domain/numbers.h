#pragma once
// Strict number parsing for values typed by people or read from files: the whole text must be
// the number, with no spaces, signs where they make no sense, or trailing units. Full-width
// digits, signs and points (`１２．５`, as Chinese input methods type them) read as ASCII.

#include <cstdint>
#include <optional>
#include <string_view>

namespace plantrack::domain {

std::optional<int64_t> ParseInteger(std::string_view text);
// A finite decimal number ("1.5", "-3", "2e3"); refuses "nan", "inf" and empty text.
std::optional<double> ParseNumber(std::string_view text);

}  // namespace plantrack::domain
