#pragma once
// UTF-8 text as the plan's names and notes hold it: every external string is checked once,
// and lengths are counted in characters, as SQLite's length() counts them.

#include <cstddef>
#include <string_view>

namespace plantrack::domain {

// False for overlong forms, UTF-16 surrogates, values past U+10FFFF and truncated sequences.
bool IsValidUtf8(std::string_view text);

// Characters (code points) in valid UTF-8: '中文' is 2, though it is 6 bytes.
size_t CountCharacters(std::string_view utf8);

}  // namespace plantrack::domain
