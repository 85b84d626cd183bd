#pragma once
// Display width of UTF-8 text in a terminal: CJK ideographs, kana, hangul and full-width forms
// take two columns, so tables with Chinese titles still line up.

#include <string>
#include <string_view>

namespace plantrack::report {

int DisplayWidth(std::string_view utf8);

// `text` padded with spaces to `width` columns (left- or right-aligned); longer text is kept.
std::string Pad(std::string_view text, int width, bool right_align = false);

// At most `width` columns of `text`, ending in "…" when cut; never splits a character.
std::string Truncate(std::string_view text, int width);

}  // namespace plantrack::report
