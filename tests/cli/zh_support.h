#pragma once
// What counts as English left in `--lang zh` output, for the zh tests (zh_test.cpp,
// zh_walk_test.cpp).
//
// Allowed in Chinese output, and nothing else in Latin letters: the plan's codes (areas, actions,
// milestones, indicators, unit slugs, ALL for the totals), Latin letters the Chinese titles use
// (GDP, II类), what people wrote (the entries' notes, which the CZT data gives in both languages,
// whole or as `mine` cuts them), dates, timestamps and quarters (2026-11-28T10:00:00Z, 2026Q3),
// numbers (1e+04 too), hex digests (the record's head), file paths (the database's, a packet's, an
// export's files), `plantrack` and a command after it (`plantrack retract`), the command as typed
// where undo quotes it, and in errors the options, environment variables and values as typed
// (--percent, PLANTRACK_UNIT, T9.99), the codes a rule lists for the user to type (on-track, json)
// and the date format YYYY-MM-DD. Han text is found by code point, not by byte ranges.

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "report/text_width.h"
#include "test_support.h"

namespace plantrack::testing {

// Whether `text` holds a CJK ideograph (U+3400-U+4DBF, U+4E00-U+9FFF), decoding UTF-8.
inline bool HasHan(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    const int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    char32_t code = byte & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    if ((code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF)) return true;
    i += static_cast<size_t>(length);
  }
  return false;
}

struct ZhCzt : CztFile {
  std::set<std::string> codes{"plantrack", "ALL"};  // ALL: the code of the totals' row

  ZhCzt() {
    std::vector<nlohmann::json> rows;
    for (const char* listing : {"areas", "units", "actions", "milestones"}) {
      for (const auto& row : ListingRows(Run({"--format", "json", listing}).out))
        rows.push_back(row);
    }
    const auto indicators = nlohmann::json::parse(Run({"--format", "json", "indicators"}).out);
    for (const auto& row : indicators["indicators"]) rows.push_back(row);
    static const std::regex kLatin(R"([A-Za-z]+)");
    for (const auto& row : rows) {
      codes.insert(row.contains("slug") ? row["slug"].get<std::string>()
                                        : row["code"].get<std::string>());
      // The plan's Chinese titles write some terms in Latin letters (GDP, II类).
      for (const char* key : {"title_zh", "name_zh"}) {
        if (!row.contains(key)) continue;
        const std::string title = row[key].get<std::string>();
        for (std::sregex_iterator it(title.begin(), title.end(), kLatin), end; it != end; ++it) {
          codes.insert(it->str());
        }
      }
    }
    SQLite::Database file(db);
    SQLite::Statement query(file, "SELECT note FROM progress_log WHERE note <> ''");
    while (query.executeStep()) notes.push_back(query.getColumn(0).getString());
  }

  std::vector<std::string> notes;

  // The Latin words of `text` that are none of the allowed kinds, each with its line.
  std::vector<std::string> English(std::string text, const std::set<std::string>& also = {}) const {
    auto erase = [&text](const std::string& part) {
      for (size_t at; (at = text.find(part)) != std::string::npos;) text.erase(at, part.size());
    };
    erase(db);
    for (const std::string& note : notes) {
      erase(note);
      erase(plantrack::report::Truncate(note, 40));  // as `mine` shows a note in a table
    }
    static const std::regex kNeutral(
        R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|\d{4}Q[1-4]|\b[0-9a-f]{12,64}\b)"
        R"(|--[a-z][a-z-]*|PLANTRACK_[A-Z_]+|plantrack [a-z]+|\de[+-]\d+)"
        R"(|[!-~]*/[!-~]*)");  // a file's path, as typed or as written
    text = std::regex_replace(text, kNeutral, " ");
    static const std::regex kWord(R"([A-Za-z][A-Za-z0-9.]*(-[A-Za-z0-9.]+)*)");
    std::vector<std::string> left;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      for (std::sregex_iterator it(line.begin(), line.end(), kWord), end; it != end; ++it) {
        std::string word = it->str();
        while (!word.empty() && word.back() == '.') word.pop_back();
        if (!codes.count(word) && !also.count(word)) left.push_back(word + "  in: " + line);
      }
    }
    return left;
  }
};

}  // namespace plantrack::testing
