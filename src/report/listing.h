#pragma once
// A listing is a table of typed cells that every output format renders the same way: aligned
// text for people, and JSON, CSV or Markdown with stable field names for programs.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace plantrack::report {

enum class Format { kTable, kJson, kCsv, kMarkdown };

std::optional<Format> ParseFormat(std::string_view name);

// Empty (null in JSON), a whole number, a decimal, or text.
using Cell = std::variant<std::monostate, int64_t, double, std::string>;

struct Column {
  std::string key;     // field name in JSON and the CSV header
  std::string header;  // column title in tables
  bool right_align = false;
  // Tables on a terminal: an ANSI colour ("31") for cells other than empty or 0, or "rag" to
  // colour a red/amber/green/done cell by its own value.
  std::string color = {};
  // Tables narrower than their rows: this column (a title or a name) gives up width first.
  bool shrink = false;
  // The cell is a comma-separated list (units of an action): a JSON array of its items; the
  // other formats show the text as it is.
  bool list = false;
};

struct Listing {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

struct RenderOptions {
  Format format = Format::kTable;
  bool zh = false;     // Chinese names, titles, headers and phrases in tables and Markdown
  bool color = false;  // ANSI colours in tables
  // Tables: the terminal's width to fit, by shortening the `shrink` columns; 0 never shortens
  // (output into a pipe or a file, and --wide).
  int width = 0;
};

// JSON: an array of objects keyed by Column::key. CSV: a header of keys, RFC 4180 quoting.
// Table: headers, then rows aligned by display width, two spaces between columns.
void Render(const Listing& listing, const RenderOptions& options, std::ostream& out);

std::string CellText(const Cell& cell);
std::string CsvField(std::string_view text);
// `text` as a quoted JSON string (invalid UTF-8 replaced), for output written field by field.
std::string JsonString(std::string_view text);

}  // namespace plantrack::report
