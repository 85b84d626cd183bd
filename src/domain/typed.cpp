#include "domain/typed.h"

#include "domain/numbers.h"

namespace plantrack::domain {

std::string NarrowWidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
    // U+FF01..U+FF3F is EF BC 81..BF; U+FF40..U+FF5E is EF BD 80..9E; U+3000 is E3 80 80.
    if (byte(i) == 0xEF && i + 2 < text.size()) {
      if (byte(i + 1) == 0xBC && byte(i + 2) >= 0x81 && byte(i + 2) <= 0xBF) {
        out += static_cast<char>(byte(i + 2) - 0x81 + 0x21);
        i += 2;
        continue;
      }
      if (byte(i + 1) == 0xBD && byte(i + 2) >= 0x80 && byte(i + 2) <= 0x9E) {
        out += static_cast<char>(byte(i + 2) - 0x80 + 0x60);
        i += 2;
        continue;
      }
    }
    if (byte(i) == 0xE3 && i + 2 < text.size() && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) {
      out += ' ';
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string FoldCode(std::string_view text) {
  std::string folded = NarrowWidth(text);
  const size_t first = folded.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  folded = folded.substr(first, folded.find_last_not_of(" \t") - first + 1);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return folded;
}

std::optional<int64_t> ParseEntryId(std::string_view text) {
  std::string narrow = NarrowWidth(text);
  std::string_view digits = narrow;
  if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
  if (digits.empty() || digits.front() < '0' || digits.front() > '9') return std::nullopt;
  auto id = ParseInteger(digits);
  if (!id || *id <= 0) return std::nullopt;
  return id;
}

bool LooksLikeNegativeNumber(std::string_view arg) {
  return arg.size() > 1 && arg.front() == '-' && arg[1] != '-' && ParseNumber(arg).has_value();
}

}  // namespace plantrack::domain
