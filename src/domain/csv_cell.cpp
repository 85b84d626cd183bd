#include "domain/csv_cell.h"

#include "domain/numbers.h"

namespace plantrack::domain {
namespace {

// The first characters that make a spreadsheet read a cell as a formula (OWASP's list), and
// the escape character itself, so that the escape is reversible.
bool NeedsEscape(char first) {
  switch (first) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\'':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string EscapeCell(std::string_view text) {
  if (text.empty() || !NeedsEscape(text.front())) return std::string(text);
  if (text.front() == '-' && ParseNumber(text)) return std::string(text);  // -1.5 is a value
  return "'" + std::string(text);
}

std::string_view UnescapeCell(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '\'' && NeedsEscape(cell[1])) cell.remove_prefix(1);
  return cell;
}

}  // namespace plantrack::domain
