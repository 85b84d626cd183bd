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

// The Chinese word for a code a table or Markdown cell shows ("red" 红, "on-track" 正常推进,
// "lead" 牵头, "yes" 是, an indicator's unit "km" 公里), or the code itself when there is none or
// when `zh` is false. `column` is the column's JSON key: a few codes read differently by column
// (an `event` "reopened" is a milestone opened again, a sign-off `state` "reopened" is sent back).
std::string_view WordIn(bool zh, std::string_view code, std::string_view column = {});

// What a table or Markdown cell of the column keyed `column` shows for `text` in zh: its word
// when the column holds codes, its sentence (report/catalogue.h) when it holds the program's
// own English sentences (a history detail, a conflict's reason), else the text itself.
std::string CellIn(bool zh, std::string_view column, std::string text);

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
