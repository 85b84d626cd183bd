// `--lang zh`: the writes' confirmations, the common errors and the HTML report carry Chinese and
// no English wording; JSON and CSV keep their codes. Every command of the table, run as people
// do, is in zh_walk_test.cpp; what counts as English is in zh_support.h.

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "zh_support.h"

using plantrack::testing::CliResult;
using plantrack::testing::HasHan;
using plantrack::testing::ZhCzt;

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
