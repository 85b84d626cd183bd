#pragma once
// Cells of the CSV files plantrack writes, made safe for spreadsheets and still read back
// exactly. A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage
// return before one) as a formula: such a cell is written with a `'` in front, which shows as
// nothing in a spreadsheet. A cell that really begins with `'` gets one more, so the escape can
// always be undone: UnescapeCell(EscapeCell(x)) == x for every x. Numbers (`-1.5`) are values, not
// formulas, and are written as they are.

#include <string>
#include <string_view>

namespace plantrack::domain {

// `text` as a CSV cell should hold it (before RFC 4180 quoting).
std::string EscapeCell(std::string_view text);

// The text of a cell read from a CSV file: one leading `'` dropped when the character after it
// is one EscapeCell escapes; anything else unchanged.
std::string_view UnescapeCell(std::string_view cell);

}  // namespace plantrack::domain
