// `--lang zh` throughout: every reading command's table and Markdown on the CZT data, the writes'
// confirmations and the common errors carry Chinese and no English wording.
//
// Allowed in Chinese output, and nothing else in Latin letters: the plan's codes (areas, actions,
// milestones, indicators, unit slugs, ALL for the totals), Latin letters the Chinese titles use
// (GDP, II类), what people wrote (the entries' notes, which the CZT data gives in both languages,
// whole or as `mine` cuts them), dates, timestamps and quarters (2026-11-28T10:00:00Z, 2026Q3),
// numbers (1e+04 too), hex digests (the record's head), the database's path, `plantrack` and a
// command after it (`plantrack retract`), the command as typed where undo quotes it, and in errors
// the options, environment variables and values as typed (--percent, PLANTRACK_UNIT, T9.99), the
// codes a rule lists for the user to type (on-track, json) and the date format YYYY-MM-DD. Han text
// is found by code point, not by byte ranges.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "report/text_width.h"
#include "test_support.h"

using plantrack::testing::CliResult;
using plantrack::testing::CztFile;
using plantrack::testing::ListingRows;

namespace {

// Whether `text` holds a CJK ideograph (U+3400-U+4DBF, U+4E00-U+9FFF), decoding UTF-8.
bool HasHan(const std::string& text) {
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
        R"(|--[a-z][a-z-]*|PLANTRACK_[A-Z_]+|plantrack [a-z]+|\de[+-]\d+)");
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

const std::vector<std::vector<std::string>> kReports = {
    {"info"},
    {"areas"},
    {"units"},
    {"units", "--tree"},
    {"actions"},
    {"milestones"},
    {"status"},
    {"overdue"},
    {"indicators"},
    {"evaluate"},
    {"evaluate", "--horizon", "2035"},
    {"trend"},
    {"trend", "--by", "year"},
    {"approvals"},
    {"audit"},
    {"history", "T2.03"},
    {"conflicts"},
    {"verify"},
    {"--as", "zhuzhou", "mine"},
    {"--as", "hunan-transport", "mine", "--entries"},
};

}  // namespace

TEST_CASE("zh: every report's table and Markdown on the CZT data has no English wording left",
          "[cli][zh]") {
  ZhCzt czt;
  // Something for undo, history and sign-off to show.
  REQUIRE(czt.Run({"--as", "hunan-transport", "log", "T2.03", "--percent", "75"}).code == 0);
  REQUIRE(
      czt.Run({"--as", "liling", "submit", "2026Q3", "--partial", "--note", "缺窑炉调查"}).code ==
      0);
  for (const char* format : {"table", "md"}) {
    for (std::vector<std::string> args : kReports) {
      args.insert(args.begin(), {"--lang", "zh", "--format", format});
      const CliResult result = czt.Run(args);
      INFO(format << ": " << args.back() << "\n" << result.out << result.err);
      REQUIRE(result.code == 0);
      CHECK(HasHan(result.out));
      CHECK(czt.English(result.out) == std::vector<std::string>{});
    }
  }
}

TEST_CASE("zh: writes confirm and undo in Chinese; JSON keeps its codes", "[cli][zh]") {
  ZhCzt czt;
  const std::vector<std::vector<std::string>> writes = {
      {"--as", "hunan-transport", "log", "T2.03", "--percent", "75", "--note", "铺轨"},
      {"--as", "hunan-transport", "undo"},
      {"--as", "changsha", "done", "T2.06-M2", "--on", "2026-11-20"},
      {"--as", "hunan-drc", "measure", "gdp-3c", "2.45", "--on", "2026-06-30"},
      {"--as", "hunan-transport", "retract", "150", "--reason", "填错了"},
      {"--as", "liling", "submit", "2026Q3", "--partial", "--note", "缺窑炉调查"},
      {"--as", "zhuzhou", "approve", "liling", "2026Q3"},
      {"--as", "zhuzhou", "reopen", "liling", "2026Q3", "--reason", "补充材料"},
      {"--as", "hunan-drc", "assign", "T1.06", "changsha", "--role", "lead"},
  };
  std::set<std::string> typed;
  for (std::vector<std::string> args : writes) {
    args.insert(args.begin(), {"--lang", "zh"});
    const CliResult result = czt.Run(args);
    INFO(args[4] << ": " << result.out << result.err);
    REQUIRE(result.code == 0);
    CHECK(HasHan(result.out));
    // `undo` quotes the command it undid as it was typed.
    typed.insert(args.begin(), args.end());
    CHECK(czt.English(result.out, typed) == std::vector<std::string>{});
  }
  const CliResult json = czt.Run({"--lang", "zh", "--format", "json", "--as", "hunan-transport",
                                  "log", "T2.03", "--percent", "72"});
  CHECK(nlohmann::json::parse(json.out)["status"] == "on-track");
  const auto overdue =
      nlohmann::json::parse(czt.Run({"--lang", "zh", "--format", "json", "overdue"}).out);
  CHECK(overdue["items"].at(0)["rag"] == "red");
  const CliResult csv = czt.Run({"--lang", "zh", "--format", "csv", "overdue"});
  CHECK(csv.out.find(",overdue,") != std::string::npos);
}

TEST_CASE("zh: common bad input is refused in Chinese, naming the value", "[cli][zh]") {
  ZhCzt czt;
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string names;  // the value the message must name
  };
  const std::vector<Case> cases = {
      {{"--as-of", "2026-02-30", "status"}, 65, "2026-02-30"},
      {{"--as", "changsha", "log", "T9.99", "--percent", "5"}, 65, "T9.99"},
      {{"--as", "changsha", "log", "T2.04", "--percent", "150"}, 65, "150"},
      {{"--as", "changsha", "log", "T2.04", "--percent", "50", "--on", "2027-01-05"},
       65,
       "2027-01-05"},
      {{"log", "T2.04", "--percent", "50"}, 64, "--as"},
      {{"--as", "liling", "log", "T2.03", "--percent", "75"}, 65, "liling"},
      {{"--as", "changsha", "log", "T2.04", "--percent", "50", "--status", "fine"}, 65, "fine"},
      {{"--as", "changsha", "log", "T2.04", "--percent", "10"}, 65, "10"},
      {{"--as", "hunan-transport", "retract", "99999", "--reason", "x"}, 65, "99999"},
      {{"--as", "changsha", "done", "T1.01-M1"}, 65, "T1.01-M1"},
      {{"--as", "changsha", "add", "unit", "--slug", "x1"}, 65, "changsha"},
      {{"--as", "liling", "submit", "2027Q1"}, 65, "2027Q1"},
      {{"audit", "--period", "2026Q9"}, 64, "2026Q9"},
      {{"--as", "zhuzhou", "undo"}, 65, "zhuzhou"},
      {{"statsu"}, 64, "statsu"},
      {{"status", "--aera", "T2"}, 64, "--aera"},
      {{"--format", "xml", "status"}, 64, "xml"},
  };
  for (Case c : cases) {
    c.args.insert(c.args.begin(), {"--lang", "zh"});
    const CliResult result = czt.Run(c.args);
    INFO(result.err);
    CHECK(result.code == c.code);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("错误：", 0) == 0);
    CHECK(result.err.find(c.names) != std::string::npos);
    std::string err = result.err;
    err.erase(err.find(c.names), c.names.size());
    CHECK(czt.English(err, {"YYYY-MM-DD", "fine", "x1", "statsu", "status", "xml", "table", "json",
                            "csv", "md", "on-track", "at-risk", "delayed", "blocked", "done"}) ==
          std::vector<std::string>{});
  }
}

TEST_CASE("zh: the HTML report words its codes, units and scopes in Chinese", "[cli][zh]") {
  ZhCzt czt;
  const std::string path = czt.dir.File("report.html");
  REQUIRE(czt.Run({"--lang", "zh", "report", "--html", path}).code == 0);
  std::string html = plantrack::testing::ReadFile(path);
  // What a reader sees: no style sheet, no tags, entities as their characters.
  html = std::regex_replace(html, std::regex(R"(<style[^]*?</style>|<[^>]*>)"), " ");
  for (const auto& [entity, character] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at; (at = html.find(entity)) != std::string::npos;) {
      html.replace(at, entity.size(), character);
    }
  }
  CHECK(HasHan(html));
  CHECK(czt.English(html) == std::vector<std::string>{});
}
