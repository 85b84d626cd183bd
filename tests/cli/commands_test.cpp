// The command table as a whole: every writing command leaves exactly one journal row of its own,
// help and the man page list every command, and the dispatcher's rules that come from the specs
// (the integrity check of init, the global options `add` lets through, one --horizon refusal),
// and lists in every reading command's JSON as arrays.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "cli/command.h"
#include "cli/man_page.h"
#include "test_support.h"

using plantrack::cli::Access;
using plantrack::cli::Commands;
using plantrack::cli::CommandSpec;
using plantrack::testing::CliResult;
using plantrack::testing::CztFile;
using plantrack::testing::RunCli;

namespace {

// The journal rows a file holds that commands run on it wrote (received records carry the
// packet they came in; they are the sender's rows, not the receiver's).
int64_t OwnJournalRows(const std::string& db) {
  if (!std::filesystem::exists(db)) return 0;
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT count(*) FROM journal WHERE packet_id IS NULL").getInt64();
}

std::string Scalar(const std::string& db, const char* sql) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getString();
}

// A sample run of a writing command: which file, as which unit, with what arguments. The
// arguments may need what an earlier sample left (an entry to retract, a packet to receive).
struct Sample {
  std::string db;
  std::string unit;
  std::vector<std::string> args;  // the command's name first
};

}  // namespace

TEST_CASE("commands: every writing command writes exactly one journal row", "[cli][journal]") {
  CztFile czt;
  const std::string replica = czt.dir.File("liling.db");
  for (const char* unit : {"hunan-drc", "liling"}) {
    const std::string key = czt.dir.File(std::string(unit) + ".key");
    CliResult made = RunCli({"key", "new", "--out", key});
    REQUIRE(made.code == 0);
    // `key add` writes too, though `key new` and `key list` need no write transaction.
    const int64_t before = OwnJournalRows(czt.db);
    REQUIRE(czt.Run({"--as", "hunan-drc", "key", "add", unit, made.out.substr(0, 64)}).code == 0);
    CHECK(OwnJournalRows(czt.db) == before + 1);
  }
  const auto key = [&](const char* unit) { return czt.dir.File(std::string(unit) + ".key"); };
  const std::string sheet = czt.dir.File("progress.csv");
  std::ofstream(sheet) << "action,unit,logged_on,recorded_at,percent,status,note,source\n"
                          "T3.09,liling,2026-11-21,,85,on-track,,\n";

  // Samples are built lazily: some read what the samples before them wrote.
  const std::vector<std::function<Sample()>> samples = {
      [&] {
        return Sample{czt.db, "liling", {"log", "T3.09", "--percent", "80", "--on", "2026-11-20"}};
      },
      [&] {
        return Sample{czt.db,
                      "liling",
                      {"retract", Scalar(czt.db, "SELECT max(id) FROM progress_log"), "--reason",
                       "typed the wrong figure"}};
      },
      [&] {
        return Sample{czt.db,
                      "hunan-drc",
                      {"done",
                       Scalar(czt.db,
                              "SELECT m.code FROM milestone m JOIN action a ON a.id = m.action_id "
                              "WHERE m.done_on IS NULL AND a.start_on <= '2026-01-01' "
                              "ORDER BY m.code LIMIT 1"),
                       "--on", "2026-11-20"}};
      },
      [&] {
        return Sample{
            czt.db,
            "hunan-drc",
            {"measure", Scalar(czt.db, "SELECT code FROM indicator ORDER BY code LIMIT 1"), "1",
             "--on", "2026-11-20"}};
      },
      [&] {
        return Sample{czt.db, "hunan-drc", {"undo"}};
      },
      [&] {
        return Sample{czt.db,
                      "hunan-drc",
                      {"add", "unit", "--slug", "test-office", "--name-en", "Test office", "--kind",
                       "department", "--parent", "hunan-drc"}};
      },
      [&] {
        return Sample{czt.db, "hunan-drc", {"assign", "T3.09", "test-office", "--role", "support"}};
      },
      [&] {
        return Sample{czt.db, "hunan-drc", {"unassign", "T3.09", "test-office"}};
      },
      [&] {
        return Sample{czt.db, "liling", {"submit", "2026Q3"}};
      },
      [&] {
        return Sample{czt.db, "zhuzhou", {"approve", "liling", "2026Q3"}};
      },
      [&] {
        return Sample{czt.db, "zhuzhou", {"reopen", "liling", "2026Q3", "--reason", "figures"}};
      },
      [&] {
        return Sample{czt.db, "liling", {"import", sheet}};
      },
      [&] {
        return Sample{czt.db,
                      "hunan-drc",
                      {"publish", "--out", czt.dir.File("p1.pkt"), "--key", key("hunan-drc")}};
      },
      [&] {
        return Sample{replica, "liling", {"init", "--from", czt.dir.File("p1.pkt")}};
      },
      [&] {
        return Sample{replica, "liling", {"log", "T3.07", "--percent", "60", "--on", "2026-11-20"}};
      },
      [&] {
        return Sample{
            replica, "liling", {"send", "--out", czt.dir.File("l.pkt"), "--key", key("liling")}};
      },
      // The master took liling off T3.07 meanwhile: its entry arrives as a conflict.
      [&] {
        return Sample{czt.db, "hunan-drc", {"unassign", "T3.07", "liling"}};
      },
      [&] {
        return Sample{czt.db, "hunan-drc", {"receive", czt.dir.File("l.pkt")}};
      },
      [&] {
        return Sample{
            czt.db, "hunan-drc", {"conflicts", "accept", "1", "--reason", "agreed by phone"}};
      },
  };
  std::set<std::string> sampled;
  for (const auto& make : samples) {
    const Sample sample = make();
    std::vector<std::string> args{"--db", sample.db, "--as", sample.unit, "--quiet"};
    args.insert(args.end(), sample.args.begin(), sample.args.end());
    const int64_t before = OwnJournalRows(sample.db);
    CliResult result = RunCli(args);
    INFO(sample.args[0] << ": " << result.err);
    REQUIRE(result.code == 0);
    CHECK(OwnJournalRows(sample.db) == before + 1);
    sampled.insert(sample.args[0]);
  }
  for (const CommandSpec* command : Commands()) {
    if (command->access != Access::kWrite && command->access != Access::kCreate) continue;
    INFO("a writing command without a sample above: " << command->name);
    CHECK(sampled.contains(std::string(command->name)));
  }
}

TEST_CASE("commands: help and the man page list every command", "[cli][man]") {
  const std::string page = plantrack::cli::ManPage();
  const CliResult help = RunCli({"help"});
  const CliResult help_zh = RunCli({"--lang", "zh", "--help"});
  REQUIRE(help.code == 0);
  for (const CommandSpec* command : Commands()) {
    INFO(command->name);
    CHECK_THAT(page, Catch::Contains(".SS \"" + std::string(command->name)));
    CHECK_THAT(help.out, Catch::Contains(std::string(command->summary)));
    REQUIRE_FALSE(command->summary_zh.empty());
    CHECK_THAT(help_zh.out, Catch::Contains(std::string(command->summary_zh)));
  }
  CHECK_THAT(page, Catch::StartsWith(".TH PLANTRACK 1"));
  CHECK_THAT(page, Catch::Contains("\\-\\-no\\-pager"));
}

TEST_CASE("commands: a bad --horizon gets one message and exit 64 in every command",
          "[cli][horizon]") {
  CztFile czt;
  for (const CommandSpec* command : Commands()) {
    plantrack::cli::po::options_description options;
    plantrack::cli::po::positional_options_description positional;
    command->Describe(options, positional);
    if (!options.find_nothrow("horizon", false)) continue;
    std::vector<std::string> args{"--as", "hunan-drc", std::string(command->name)};
    if (command->name == "add") {
      args.insert(args.end(), {"action", "--area", "T2", "--code", "T2.99", "--title-en", "X",
                               "--start", "2026-01-01", "--due", "2030-01-01"});
    }
    args.insert(args.end(), {"--horizon", "2030"});
    CliResult result = czt.Run(args);
    INFO(command->name << ": " << result.err);
    CHECK(result.code == 64);
    CHECK(result.err == "error: --horizon 2030 is not 2025 or 2035\n");
  }
}

TEST_CASE("commands: add lets every global option through", "[cli][add]") {
  CztFile czt;
  CliResult added = czt.Run({"--as", "hunan-drc", "--wide", "--color=never", "--no-pager", "add",
                             "unit", "--slug", "test-office", "--name-en", "Test office", "--kind",
                             "department", "--parent", "hunan-drc"});
  INFO(added.err);
  CHECK(added.code == 0);
  CHECK(czt.Run({"--as", "hunan-drc", "add", "unit", "--slug", "x-office", "--name-en", "X",
                 "--kind", "department", "--parent", "hunan-drc", "--due", "2026-01-01"})
            .code == 64);
}

TEST_CASE("commands: init checks the integrity of an existing file, as its spec says",
          "[cli][init]") {
  CztFile czt;
  // Damage a page in the middle of the file: the header still says SQLite, quick_check does not.
  {
    std::fstream file(czt.db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(czt.db) / 2));
    const std::string garbage(4096, '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const CliResult again = czt.Run({"init"});
  CHECK(again.code == 69);
}

TEST_CASE("commands: - as the output file is stdout", "[cli][stdout]") {
  CztFile czt;
  const CliResult html = czt.Run({"report", "--html", "-"});
  REQUIRE(html.code == 0);
  CHECK_THAT(html.out, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_FALSE(std::filesystem::exists("-"));
  const CliResult json = czt.Run({"--format", "json", "export", "--out", "-"});
  REQUIRE(json.code == 0);
  CHECK(nlohmann::json::parse(json.out).contains("actions"));
  CHECK(czt.Run({"export", "--out", "-"}).code == 64);  // CSV is one file per kind
  const CliResult key = RunCli({"key", "new", "--out", "-"});
  REQUIRE(key.code == 0);
  CHECK_THAT(key.out, Catch::StartsWith("plantrack-ed25519-secret "));
  CHECK_THAT(key.err, Catch::StartsWith("public key "));
}

TEST_CASE("commands: lists in JSON are arrays", "[cli][json]") {
  CztFile czt;
  const nlohmann::json actions =
      plantrack::testing::ListingRows(czt.Run({"--format", "json", "actions"}).out);
  REQUIRE_FALSE(actions.empty());
  for (const auto& action : actions) {
    INFO(action["code"]);
    CHECK(action["lead"].is_array());
    CHECK(action["support"].is_array());
  }
  CHECK(actions[0]["lead"] == nlohmann::json::array({"xiangjiang-new-area"}));
  CHECK(actions[0]["support"] == nlohmann::json::array({"xiangtan"}));

  // Nor does any other field of a reading command hold a comma-joined list: T1.06 gets two leads
  // and two supports so that every list there is has several items somewhere.
  REQUIRE(czt.Run({"--as", "hunan-drc", "assign", "T1.06", "changsha", "--role", "lead"}).code ==
          0);
  REQUIRE(czt.Run({"--as", "hunan-drc", "assign", "T1.06", "zhuzhou", "--role", "lead"}).code == 0);
  // The arguments a reading command needs; template and report write a sheet and a page.
  const std::map<std::string, std::vector<std::string>> needs = {
      {"history", {"T1.06"}}, {"mine", {"--as", "changsha"}}, {"export", {"--out", "-"}}};
  const std::set<std::string> not_json = {"template", "report"};
  static const std::regex kJoined(R"([A-Za-z0-9.#-]+( ?, ?[A-Za-z0-9.#-]+)+)");
  std::function<void(const nlohmann::json&, const std::string&)> walk =
      [&](const nlohmann::json& value, const std::string& path) {
        if (value.is_string()) {
          INFO(path << " = " << value);
          CHECK_FALSE(std::regex_match(value.get<std::string>(), kJoined));
        }
        for (auto it = value.begin(); value.is_structured() && it != value.end(); ++it) {
          walk(*it, path + (value.is_object() ? "." + it.key() : "[]"));
        }
      };
  for (const CommandSpec* command : Commands()) {
    const std::string name(command->name);
    if (command->access != Access::kRead || not_json.count(name)) continue;
    std::vector<std::string> args = {"--format", "json", name};
    if (auto extra = needs.find(name); extra != needs.end()) {
      args.insert(args.end(), extra->second.begin(), extra->second.end());
    }
    const CliResult result = czt.Run(args);
    INFO(name << ": " << result.err);
    REQUIRE(result.code == 0);
    walk(nlohmann::json::parse(result.out), name);
  }
}
