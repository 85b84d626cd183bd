#include "domain/numbers.h"

#include <charconv>
#include <cmath>
#include <string>

#include "domain/typed.h"

namespace plantrack::domain {

std::optional<int64_t> ParseInteger(std::string_view typed) {
  // Full-width digits and signs (`１２`, `－３`) are the same number; a copy only when present.
  const std::string narrow =
      typed.find('\xEF') == std::string_view::npos ? std::string() : NarrowWidth(typed);
  const std::string_view text = narrow.empty() ? typed : narrow;
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<double> ParseNumber(std::string_view typed) {
  const std::string narrow =
      typed.find('\xEF') == std::string_view::npos ? std::string() : NarrowWidth(typed);
  const std::string_view text = narrow.empty() ? typed : narrow;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace plantrack::domain
