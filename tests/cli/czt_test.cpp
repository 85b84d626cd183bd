// The commands on the real CZT data set, as a newcomer would first run them.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "store/migrations.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CztCounts;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

namespace {

struct Czt : plantrack::testing::CztFile {
  json Json(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--format", "json", "--as-of", "2026-11-28"});
    auto result = RunCli(args);
    INFO(result.err);
    REQUIRE(result.code == 0);
    // A listing's rows come wrapped with the record's head.
    json parsed = json::parse(result.out);
    return parsed.contains("rows") ? parsed["rows"] : parsed;
  }
};

std::vector<std::string> Codes(const json& rows, const char* key = "code") {
  std::vector<std::string> codes;
  for (const json& row : rows) codes.push_back(row[key]);
  return codes;
}

}  // namespace

TEST_CASE("czt: info counts what init loaded", "[cli][czt]") {
  Czt czt;
  json info = czt.Json({"info"});
  CHECK(info["schema_version"] == plantrack::store::LatestSchemaVersion());
  CHECK(info["counts"]["task_areas"] == 6);
  CHECK(info["counts"]["units"] == 19);
  CHECK(info["counts"]["actions"] == CztCounts::kActions);
  CHECK(info["counts"]["milestones"] == CztCounts::kMilestones);
  CHECK(info["counts"]["indicators"] == CztCounts::kIndicators);
  CHECK(info["counts"]["progress_log"] == CztCounts::kProgress);
  CHECK(info["counts"]["journal"] == 1);
}

TEST_CASE("czt: listings in code order, bilingual, filtered through the unit tree", "[cli][czt]") {
  Czt czt;
  json areas = czt.Json({"areas"});
  CHECK(Codes(areas) == std::vector<std::string>{"T1", "T2", "T3", "T4", "T5", "T6"});
  CHECK(areas[0]["title_zh"] == "优化空间布局");
  json actions = czt.Json({"actions"});
  REQUIRE(actions.size() == CztCounts::kActions);
  CHECK(std::is_sorted(actions.begin(), actions.end(),
                       [](const json& a, const json& b) { return a["code"] < b["code"]; }));
  // Zhuzhou's own actions and Liling's (T3.09, led by the county below it).
  json zhuzhou = czt.Json({"actions", "--unit", "zhuzhou"});
  auto codes = Codes(zhuzhou);
  CHECK(std::find(codes.begin(), codes.end(), "T3.09") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "T3.07") != codes.end());
  CHECK(codes.size() < CztCounts::kActions);
  json liling = czt.Json({"actions", "--unit", "liling"});
  CHECK(Codes(liling) == std::vector<std::string>{"T3.07", "T3.09"});  // supports, leads
  json t2 = czt.Json({"milestones", "--area", "T2", "--horizon", "2025"});
  for (const json& m : t2) CHECK(m["code"].get<std::string>().rfind("T2.", 0) == 0);
  auto unknown = RunCli({"--db", czt.db, "actions", "--area", "T9"});
  CHECK(unknown.code == 65);
  CHECK_THAT(unknown.err, Catch::Contains("unknown area 'T9'"));
}

TEST_CASE("czt: the unit tree puts counties under their cities", "[cli][czt]") {
  Czt czt;
  json tree = czt.Json({"units", "--tree"});
  auto slugs = Codes(tree, "slug");
  auto at = [&](const char* slug) {
    return std::find(slugs.begin(), slugs.end(), slug) - slugs.begin();
  };
  CHECK(slugs.front() == "hunan");
  CHECK(at("liling") == at("zhuzhou") + 1);
  CHECK(at("shaoshan") > at("xiangtan"));
  auto table = RunCli({"--db", czt.db, "units", "--tree"});
  CHECK_THAT(table.out, Catch::Contains("\n    liling "));  // depth 2, indented
  auto zh = RunCli({"--db", czt.db, "--lang", "zh", "units"});
  CHECK_THAT(zh.out, Catch::Contains("醴陵市"));
}

TEST_CASE("czt: the data shows each state a user must learn to recognise", "[cli][czt]") {
  Czt czt;
  json overdue = czt.Json({"overdue"});
  std::set<std::string> reasons;
  for (const json& item : overdue["items"]) reasons.insert(item["reason"]);
  CHECK(reasons == std::set<std::string>{"overdue", "blocked", "delayed", "behind-pace"});
  json status = czt.Json({"status"});
  CHECK(status["total"]["done"] == CztCounts::kDone);
  CHECK(status["horizons"][0]["overdue"] == 6);
  json audit = czt.Json({"audit"});
  std::set<std::string> kinds;
  for (const json& f : audit["findings"]) kinds.insert(f["kind"]);
  for (const char* kind : {"no-lead", "several-leads", "never-reported", "stale", "silent-overdue",
                           "not-submitted", "indicator-unreported", "supports-only"}) {
    CHECK(kinds.contains(kind));
  }
  json milestones = czt.Json({"milestones"});
  int done_late = 0;
  for (const json& m : milestones) {
    if (!m["done_on"].is_null() && m["done_on"] > m["due_on"]) ++done_late;
  }
  CHECK(done_late >= 1);
}

TEST_CASE("czt: --lang zh words every table in Chinese and leaves JSON keys and codes alone",
          "[cli][czt]") {
  plantrack::testing::CztFile czt;
  const std::vector<std::vector<std::string>> commands = {{"status"},
                                                          {"overdue"},
                                                          {"indicators"},
                                                          {"audit"},
                                                          {"areas"},
                                                          {"units"},
                                                          {"actions"},
                                                          {"milestones"},
                                                          {"history", "T1.01"},
                                                          {"evaluate"},
                                                          {"evaluate", "--horizon", "2035"},
                                                          {"trend"}};
  for (const auto& command : commands) {
    INFO(command[0]);
    std::vector<std::string> args{"--db", czt.db, "--as-of", "2026-11-28", "--lang", "zh"};
    args.insert(args.end(), command.begin(), command.end());
    auto table = RunCli(args);
    REQUIRE(table.code == 0);
    // A table's header is the first line of a block with columns (two spaces apart); none
    // may keep an English header (two capitals in a row).
    std::istringstream lines(table.out);
    std::string line;
    bool block_start = true;
    int headers = 0;
    while (std::getline(lines, line)) {
      if (block_start && line.find("  ") != std::string::npos) {
        INFO(line);
        CHECK_FALSE(std::regex_search(line, std::regex("[A-Z]{2}")));
        ++headers;
      }
      block_start = line.empty();
    }
    CHECK(headers >= 1);
  }
  auto overdue = RunCli({"--db", czt.db, "--as-of", "2026-11-28", "--lang", "zh", "overdue"});
  CHECK_THAT(overdue.out, Catch::Contains("逾期332天，完成83%"));
  CHECK_THAT(overdue.out, Catch::Contains("截至2026-11-28共29项逾期或有风险"));
  // A table words the rating; CSV keeps the code, which is what --rag takes.
  CHECK_THAT(overdue.out, Catch::Contains("  红"));
  auto csv = RunCli(
      {"--db", czt.db, "--as-of", "2026-11-28", "--lang", "zh", "--format", "csv", "overdue"});
  CHECK_THAT(csv.out, Catch::Contains(",red"));
  auto status = RunCli({"--db", czt.db, "--as-of", "2026-11-28", "--lang", "zh", "status"});
  CHECK_THAT(status.out,
             Catch::Contains("2025年目标已于2025-12-31到期：20项行动完成14项，逾期6项"));
  auto audit = RunCli({"--db", czt.db, "--as-of", "2026-11-28", "--lang", "zh", "audit"});
  CHECK_THAT(audit.out, Catch::Contains("牵头1项行动，从未报送"));
  auto csv_en = RunCli({"--db", czt.db, "--as-of", "2026-11-28", "--format", "csv", "overdue"});
  auto csv_zh = RunCli(
      {"--db", czt.db, "--as-of", "2026-11-28", "--format", "csv", "--lang", "zh", "overdue"});
  CHECK(csv_en.out.substr(0, csv_en.out.find('\n')) ==
        csv_zh.out.substr(0, csv_zh.out.find('\n')));  // CSV headers are keys
}
