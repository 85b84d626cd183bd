#pragma once
// The words of the text reports in Chinese, for `--lang zh`: column headers and fixed phrases.
// Only what people read changes; JSON keys, CSV headers and codes such as "red" or "overdue"
// (which are also what filters take) stay the same in every language.

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace plantrack::report {

// The Chinese for a column header of a table, or the header itself when there is none.
std::string_view HeaderIn(bool zh, std::string_view header);

// A title or name in the language asked for: the Chinese one under `zh` when the plan gives
// one, else the English (every row has an English title; some lack a Chinese one).
inline const std::string& TitleIn(bool zh, const std::string& en, const std::string& cn) {
  return zh && !cn.empty() ? cn : en;
}

// One phrase in either language, both checked at compile time against the arguments.
template <typename... Args>
std::string Phrase(bool zh, fmt::format_string<Args...> en, fmt::format_string<Args...> cn,
                   Args&&... args) {
  return zh ? fmt::format(cn, std::forward<Args>(args)...)
            : fmt::format(en, std::forward<Args>(args)...);
}

}  // namespace plantrack::report
