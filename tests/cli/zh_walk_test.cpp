// Every command of the table (cli::Commands()) run under `--lang zh` as a clerk, a coordinator and
// an auditor would, in one round (the README's): a reading command's table and Markdown, a
// writing command's confirmation, and help for each, with no English wording left (what counts
// as English: zh_support.h). A command added to the table without a step here fails the walk.

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "cli/command.h"
#include "cli/commands.h"
#include "zh_support.h"

using plantrack::testing::CliResult;
using plantrack::testing::HasHan;
using plantrack::testing::ZhCzt;

namespace {

enum class Kind {
  kReads,   // a report: its table and its Markdown
  kWrites,  // a confirmation on stdout (or, for `key new`, on stderr)
};

struct Step {
  std::string command;
  std::vector<std::string> args;  // after the command word; global options go first in `before`
  Kind kind = Kind::kReads;
  std::vector<std::string> before = {};
};

// The commands whose output has no words to translate: a version number and a shell script.
const std::set<std::string> kWordless = {"version", "completion"};

// Fills the first row of a template sheet whose action is under way, as a clerk confirming where
// it stands: the percent it last had, undated (the sheet's quarter is the test clock's, so the
// entry is dated today), so that no rule refuses it.
void FillSheet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string sheet((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (size_t start = sheet.find('\n') + 1, end; start < sheet.size(); start = end + 2) {
    end = sheet.find("\r\n", start);
    const std::string row = sheet.substr(start, end - start);
    // The last eight fields: last_percent, last_status, last_logged_on, period, the four to fill.
    std::vector<std::string> tail;
    size_t cut = row.size();
    for (int i = 0; i < 8; ++i) {
      const size_t comma = row.rfind(',', cut - 1);
      tail.insert(tail.begin(), row.substr(comma + 1, cut - comma - 1));
      cut = comma;
    }
    if (tail[0].empty() || tail[1] == "done") continue;
    const std::string filled = fmt::format("{},{},{},{},{},{},,,", row.substr(0, cut), tail[0],
                                           tail[1], tail[2], tail[3], tail[0]);
    sheet.replace(start, end - start, filled);
    std::ofstream(path, std::ios::binary) << sheet;
    return;
  }
  FAIL("no row of " << path << " to fill");
}

// What help says in words: the descriptions, without the names of the commands and options
// (and their placeholders) in the first column of each line.
std::string Descriptions(const std::string& help) {
  std::istringstream lines(help);
  std::string words;
  for (std::string line; std::getline(lines, line);) {
    const size_t column = line.rfind("  ", 0) == 0 ? line.find("  ", 2) : std::string::npos;
    words += (column == std::string::npos ? line : line.substr(column)) + '\n';
  }
  return words;
}

// The values help tells people to type (a format, a colour, a role), which stay as typed.
const std::set<std::string> kHelpCodes = [] {
  std::istringstream words(
      "table json csv md en zh auto always never czt none red amber any on-track at-risk "
      "delayed blocked done quarter year lead support action milestone unit indicator "
      "province city county district department agency up down new add list accept reject "
      "bash zsh HASH N FILE DIR YYYY-MM-DD findings supports-only less FRX PAGER NO_COLOR "
      "HTML JSON CSV shell source UNIT ID plan task_areas units actions responsibilities "
      "milestones indicators indicator_targets indicator_values progress "
      "init key A4 V NO COLOR task areas targets values T2.09 T2.09-M1 yuhu-district");
  return std::set<std::string>(std::istream_iterator<std::string>(words), {});
}();

}  // namespace

TEST_CASE("zh: every command of the table speaks Chinese, as people run it", "[cli][zh]") {
  ZhCzt czt;
  auto file = [&](const char* name) { return czt.dir.File(name); };
  const std::string replica = file("liling.db");
  const std::vector<std::string> as_drc = {"--as", "hunan-drc"};
  const std::vector<Step> steps = {
      {"info", {}},
      {"areas", {}},
      {"units", {}},
      {"units", {"--tree"}},
      {"actions", {}},
      {"milestones", {}},
      {"status", {}},
      {"overdue", {}},
      {"indicators", {}},
      {"evaluate", {}},
      {"evaluate", {"--horizon", "2035"}},
      {"trend", {}},
      {"trend", {"--by", "year"}},
      // A clerk's quarter: log, undo, log again, complete, measure, retract, the desk.
      {"log",
       {"T2.03", "--percent", "75", "--note", "铺轨"},
       Kind::kWrites,
       {"--as", "hunan-transport"}},
      {"undo", {}, Kind::kWrites, {"--as", "hunan-transport"}},
      {"log", {"T2.03", "--percent", "74"}, Kind::kWrites, {"--as", "hunan-transport"}},
      {"done", {"T2.06-M2", "--on", "2026-11-20"}, Kind::kWrites, {"--as", "changsha"}},
      {"measure", {"gdp-3c", "2.45", "--on", "2026-06-30"}, Kind::kWrites, as_drc},
      {"retract", {"150", "--reason", "填错了"}, Kind::kWrites, {"--as", "hunan-transport"}},
      {"mine", {}, Kind::kReads, {"--as", "zhuzhou"}},
      {"mine", {"--entries"}, Kind::kReads, {"--as", "hunan-transport"}},
      {"history", {"T2.03"}},
      // The sheet round trip.
      {"template", {"--unit", "liling", "--out", file("liling.csv")}, Kind::kWrites},
      {"import", {file("liling.csv"), "--dry-run"}, Kind::kWrites, {"--as", "liling"}},
      {"import", {file("liling.csv")}, Kind::kWrites, {"--as", "liling"}},
      // Sign-off up the tree.
      {"submit",
       {"2026Q3", "--partial", "--note", "缺窑炉调查"},
       Kind::kWrites,
       {"--as", "liling"}},
      {"approve", {"liling", "2026Q3"}, Kind::kWrites, {"--as", "zhuzhou"}},
      {"approvals", {}},
      {"reopen", {"liling", "2026Q3", "--reason", "补充材料"}, Kind::kWrites, {"--as", "zhuzhou"}},
      // The coordinator changes the plan.
      {"add",
       {"unit", "--slug", "yuhu-qu", "--name-en", "Yuhu", "--name-zh", "雨湖区", "--kind",
        "district", "--parent", "xiangtan"},
       Kind::kWrites,
       as_drc},
      {"assign", {"T1.06", "changsha", "--role", "lead"}, Kind::kWrites, as_drc},
      // Offices: keys, a replica, a conflict and its settlement.
      {"key", {"new", "--out", file("drc.key")}, Kind::kWrites},
      {"key", {"new", "--out", file("liling.key")}, Kind::kWrites},
      {"publish", {"--out", file("p1.pkt"), "--key", file("drc.key")}, Kind::kWrites, as_drc},
      {"init", {"--from", file("p1.pkt")}, Kind::kWrites, {"--db", replica, "--as", "liling"}},
      {"publish", {"--out", file("p2.pkt"), "--key", file("drc.key")}, Kind::kWrites, as_drc},
      {"receive", {file("p2.pkt")}, Kind::kWrites, {"--db", replica}},
      {"receive", {file("p2.pkt")}, Kind::kWrites, {"--db", replica}},
      {"log", {"T3.07", "--percent", "60"}, Kind::kWrites, {"--db", replica}},
      {"send",
       {"--out", file("l1.pkt"), "--key", file("liling.key")},
       Kind::kWrites,
       {"--db", replica}},
      {"unassign", {"T3.07", "liling"}, Kind::kWrites, as_drc},
      {"receive", {file("l1.pkt")}, Kind::kWrites, as_drc},
      {"conflicts", {}},
      {"audit", {}},
      {"conflicts", {"accept", "1", "--reason", "核实无误"}, Kind::kWrites, as_drc},
      {"key", {"list"}},
      // The auditor's files and checks.
      {"verify", {}},
      {"export", {"--out", file("export")}, Kind::kWrites},
      {"report", {"--html", file("report.html")}, Kind::kWrites},
      {"init", {}, Kind::kWrites, {"--db", file("fresh.db")}},
  };
  // The public keys `key new` printed, for `key add`, and what people typed, which may be quoted.
  std::map<std::string, std::string> keys;
  // The sheet's columns to fill, the kinds of rows imported, the fixture's name.
  std::set<std::string> typed = {"percent", "status",   "note",   "logged", "on",
                                 "czt",     "progress", "accept", "reject"};
  for (const std::string& name : plantrack::cli::CommandNames()) typed.insert(name);
  std::set<std::string> walked;
  for (const Step& step : steps) {
    std::vector<std::string> args = {"--lang", "zh"};
    args.insert(args.end(), step.before.begin(), step.before.end());
    args.push_back(step.command);
    args.insert(args.end(), step.args.begin(), step.args.end());
    walked.insert(step.command);
    if (step.command == "import" && step.args.size() == 2) FillSheet(step.args[0]);
    const bool key_new = step.command == "key" && step.args.at(0) == "new";
    // A step on another file than the CZT one names it with --db.
    const bool own_db =
        std::find(step.before.begin(), step.before.end(), "--db") != step.before.end();
    for (const char* format : {"table", "md"}) {
      std::vector<std::string> run = args;
      run.insert(run.begin() + 2, {"--format", format});
      typed.insert(run.begin(), run.end());
      const CliResult result = own_db ? plantrack::testing::RunCli(run) : czt.Run(run);
      INFO(format << ": " << step.command << "\n" << result.out << result.err);
      REQUIRE(result.code == 0);
      const std::string& said = key_new ? result.err : result.out;
      CHECK(HasHan(said));
      CHECK(czt.English(said, typed) == std::vector<std::string>{});
      if (key_new) keys[step.args[2]] = result.out.substr(0, 64);
      if (step.kind == Kind::kWrites) break;
    }
    // The keys are registered as soon as both exist, before anything is signed.
    if (key_new && step.args[2] == file("liling.key")) {
      const std::vector<std::pair<std::string, std::string>> holders = {
          {"hunan-drc", file("drc.key")}, {"liling", file("liling.key")}};
      for (const auto& [unit, key] : holders) {
        const CliResult added =
            czt.Run({"--lang", "zh", "--as", "hunan-drc", "key", "add", unit, keys[key]});
        INFO(added.err);
        REQUIRE(added.code == 0);
        CHECK(czt.English(added.out, typed) == std::vector<std::string>{});
      }
    }
  }
  std::set<std::string> missing;
  for (const plantrack::cli::CommandSpec* command : plantrack::cli::Commands()) {
    const std::string name(command->name);
    if (!walked.count(name) && !kWordless.count(name)) missing.insert(name);
  }
  CHECK(missing == std::set<std::string>{});
}

TEST_CASE("zh: help and every command's --help are in Chinese", "[cli][zh]") {
  ZhCzt czt;
  CliResult help = czt.Run({"--lang", "zh", "help"});
  REQUIRE(help.code == 0);
  CHECK_THAT(help.out, Catch::StartsWith("用法：plantrack [全局选项] 命令"));
  std::set<std::string> codes = kHelpCodes;
  for (const std::string& name : plantrack::cli::CommandNames()) codes.insert(name);
  CHECK(czt.English(Descriptions(help.out), codes) == std::vector<std::string>{});
  for (const plantrack::cli::CommandSpec* command : plantrack::cli::Commands()) {
    const std::string name(command->name);
    const CliResult result = czt.Run({"--lang", "zh", name, "--help"});
    INFO(name << "\n" << result.out);
    REQUIRE(result.code == 0);
    CHECK_THAT(result.out, Catch::Contains(name + " 的选项") || Catch::Contains("全局选项"));
    // The usage line names the arguments as typed (ACTION, --percent N); the rest is Chinese.
    const std::string body = result.out.substr(result.out.find('\n'));
    CHECK(czt.English(Descriptions(body), codes) == std::vector<std::string>{});
  }
}
