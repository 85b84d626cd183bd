#include "report/listing.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/csv_cell.h"
#include "report/json_stream.h"
#include "report/text_width.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

nlohmann::ordered_json ListJson(const Cell& cell) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  const std::string text = CellText(cell);
  for (size_t start = 0; start < text.size();) {
    const size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

nlohmann::ordered_json CellJson(const Cell& cell) {
  return std::visit(
      [](const auto& value) -> nlohmann::ordered_json {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else {
          return value;
        }
      },
      cell);
}

std::string Colored(const Column& column, const std::string& text, const std::string& padded) {
  std::string code = column.color;
  if (code == "rag") {
    code = text == "red"     ? "31"
           : text == "amber" ? "33"
           : text == "green" ? "32"
           : text == "done"  ? "36"
                             : "";
  }
  if (code.empty() || text.empty() || text == "0") return padded;
  return "\x1b[" + code + "m" + padded + "\x1b[0m";
}

constexpr int kNarrowest = 12;  // a shrunk column keeps at least this many columns

// Shrinks the `shrink` columns, widest first, until a row fits in `limit` columns.
void FitWidths(const Listing& listing, int limit, std::vector<int>& widths) {
  int total = 2 * (static_cast<int>(widths.size()) - 1);
  for (int width : widths) total += width;
  while (total > limit) {
    int widest = -1;
    for (size_t i = 0; i < widths.size(); ++i) {
      if (listing.columns[i].shrink && widths[i] > kNarrowest &&
          (widest < 0 || widths[i] > widths[static_cast<size_t>(widest)])) {
        widest = static_cast<int>(i);
      }
    }
    if (widest < 0) return;  // nothing left to give: the line stays long
    const int give = std::min(total - limit, widths[static_cast<size_t>(widest)] - kNarrowest);
    widths[static_cast<size_t>(widest)] -= give;
    total -= give;
  }
}

void RenderTable(const Listing& listing, std::ostream& out, bool zh, bool color, int limit) {
  std::vector<int> widths;
  for (const Column& column : listing.columns) {
    widths.push_back(DisplayWidth(HeaderIn(zh, column.header)));
  }
  // What people read: in zh a code is its word and a sentence its Chinese; the colour still
  // follows the code.
  std::vector<std::vector<std::string>> shown;
  for (const auto& row : listing.rows) {
    shown.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      shown.back().push_back(CellIn(zh, listing.columns[i].key, CellText(row[i])));
      widths[i] = std::max(widths[i], DisplayWidth(shown.back().back()));
    }
  }
  const std::vector<int> natural = widths;
  if (limit > 0) FitWidths(listing, limit, widths);
  auto print_row = [&](auto text_of, auto code_of, bool colored) {
    std::string line;
    for (size_t i = 0; i < listing.columns.size(); ++i) {
      if (i > 0) line += "  ";
      std::string text = text_of(i);
      if (widths[i] < natural[i] && DisplayWidth(text) > widths[i]) {
        text = Truncate(text, widths[i]);
      }
      std::string padded = Pad(text, widths[i], listing.columns[i].right_align);
      if (i + 1 == listing.columns.size()) padded.erase(padded.find_last_not_of(' ') + 1);
      line += colored ? Colored(listing.columns[i], code_of(i), padded) : padded;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  };
  auto header = [&](size_t i) { return std::string(HeaderIn(zh, listing.columns[i].header)); };
  print_row(header, header, false);
  for (size_t r = 0; r < listing.rows.size(); ++r) {
    print_row([&](size_t i) { return shown[r][i]; },
              [&](size_t i) { return CellText(listing.rows[r][i]); }, color);
  }
}

// Markdown renders inline HTML: `<script>` and `<img onerror=...>` in a note must arrive as
// text. The pipe would end the cell, and a backslash before it would undo its escape.
std::string MarkdownEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "csv") return Format::kCsv;
  if (name == "md") return Format::kMarkdown;
  return std::nullopt;
}

std::string CellText(const Cell& cell) {
  return std::visit(
      [](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return value;
        } else {
          return fmt::format("{}", value);
        }
      },
      cell);
}

std::string JsonString(std::string_view text) {
  // Most texts need no escaping: quoted as they are, without building a JSON value (the overdue
  // list quotes eight texts for each of 37,500 items).
  if (PlainJsonText(text)) {
    std::string quoted;
    quoted.reserve(text.size() + 2);
    return quoted.append(1, '"').append(text).append(1, '"');
  }
  return nlohmann::ordered_json(text).dump(-1, ' ', false,
                                           nlohmann::ordered_json::error_handler_t::replace);
}

std::string CsvField(std::string_view raw) {
  const std::string text = domain::EscapeCell(raw);  // `=cmd()` is not run by a spreadsheet
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Render(const Listing& listing, const RenderOptions& options, std::ostream& out) {
  switch (options.format) {
    case Format::kTable:
      RenderTable(listing, out, options.zh, options.color, options.width);
      return;
    case Format::kJson: {
      // Streamed row by row (`mine` lists ten thousand actions for the province).
      JsonStream json(out);
      json.Array();
      for (const auto& row : listing.rows) {
        json.Object();
        for (size_t i = 0; i < row.size(); ++i) {
          const Column& column = listing.columns[i];
          json.Key(column.key);
          const auto* text = column.list ? nullptr : std::get_if<std::string>(&row[i]);
          text ? json.Value(*text) : json.Value(column.list ? ListJson(row[i]) : CellJson(row[i]));
        }
        json.End();
      }
      json.End();
      out << '\n';
      return;
    }
    case Format::kCsv: {
      for (size_t i = 0; i < listing.columns.size(); ++i) {
        out << (i ? "," : "") << CsvField(listing.columns[i].key);
      }
      out << "\r\n";
      for (const auto& row : listing.rows) {
        for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvField(CellText(row[i]));
        out << "\r\n";
      }
      return;
    }
    case Format::kMarkdown: {
      out << '|';
      for (const Column& column : listing.columns)
        out << ' ' << MarkdownEscape(HeaderIn(options.zh, column.header)) << " |";
      out << "\n|";
      for (const Column& column : listing.columns)
        out << (column.right_align ? " ---: |" : " --- |");
      out << '\n';
      for (const auto& row : listing.rows) {
        out << '|';
        for (size_t i = 0; i < row.size(); ++i) {
          const std::string text = CellIn(options.zh, listing.columns[i].key, CellText(row[i]));
          out << ' ' << MarkdownEscape(text) << " |";
        }
        out << '\n';
      }
      return;
    }
  }
}

}  // namespace plantrack::report
