#include "report/text_width.h"

namespace plantrack::report {
namespace {

// Decodes the code point at `i` and advances `i`; invalid bytes count as one narrow column.
char32_t NextCodePoint(std::string_view text, size_t& i) {
  const auto c = static_cast<unsigned char>(text[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (extra > 0 && i + extra >= text.size()) {  // truncated sequence
    ++i;
    return U'?';
  }
  char32_t code = extra == 0 ? c : (c & (0x3F >> extra));
  for (int k = 1; k <= extra; ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += extra + 1;
  return code;
}

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsZeroWidth(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F);
}

int Width(char32_t c) { return IsZeroWidth(c) ? 0 : IsWide(c) ? 2 : 1; }

}  // namespace

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  for (size_t i = 0; i < utf8.size();) width += Width(NextCodePoint(utf8, i));
  return width;
}

std::string Pad(std::string_view text, int width, bool right_align) {
  const int fill = width - DisplayWidth(text);
  if (fill <= 0) return std::string(text);
  std::string spaces(static_cast<size_t>(fill), ' ');
  return right_align ? spaces + std::string(text) : std::string(text) + spaces;
}

std::string Truncate(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::string out;
  int used = 0;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    int w = Width(NextCodePoint(text, i));
    if (used + w > width - 1) break;
    used += w;
    out.append(text.substr(start, i - start));
  }
  return out + "…";
}

}  // namespace plantrack::report
