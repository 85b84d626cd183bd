// `mine`: a unit's own desk on the CZT data, in every format.

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::RunCli;

namespace {

struct Czt : plantrack::testing::CztFile {
  CliResult As(const std::string& unit, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--as", unit});
    return RunCli(args);
  }
  json Mine(const std::string& unit, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--format", "json", "mine"};
    args.insert(args.end(), extra.begin(), extra.end());
    CliResult result = As(unit, args);
    REQUIRE(result.code == 0);
    return plantrack::testing::ListingRows(result.out);
  }
};

int RagRank(const std::string& rag) {
  return rag == "red" ? 0 : rag == "amber" ? 1 : rag == "green" ? 2 : 3;
}

const json* Find(const json& rows, const std::string& key, const json& value) {
  for (const json& row : rows) {
    if (row[key] == value) return &row;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("mine: needs a writing unit, and names an unknown one", "[cli][mine]") {
  Czt czt;
  auto none = RunCli({"--db", czt.db, "mine"});
  CHECK(none.code == 64);
  CHECK_THAT(none.err, Catch::Contains("--as UNIT"));
  auto unknown = czt.As("zhuzou", {"mine"});
  CHECK(unknown.code == 65);
  CHECK_THAT(unknown.err, Catch::Contains("did you mean zhuzhou?"));
  auto env = plantrack::testing::TestEnvironment();
  env.unit = "zhuzhou";
  auto from_env = RunCli({"--db", czt.db, "--format", "json", "mine"}, env);
  CHECK(from_env.code == 0);
  CHECK(json::parse(from_env.out)["unit"] == "zhuzhou");
}

TEST_CASE("mine: the unit's and its subtree's actions, with roles, worst first", "[cli][mine]") {
  Czt czt;
  json mine = czt.Mine("zhuzhou");
  CHECK(mine["as_of"] == "2026-11-28");
  CHECK(mine["quarter"] == "2026Q4");
  json listed = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "actions", "--unit", "zhuzhou"}).out)["rows"];
  REQUIRE(mine["actions"].size() == listed.size());
  REQUIRE(!listed.empty());
  for (const json& action : listed) {
    const json* row = Find(mine["actions"], "code", action["code"]);
    REQUIRE(row != nullptr);
    CHECK(((*row)["role"] == "lead" || (*row)["role"] == "support"));
  }
  // Liling, below Zhuzhou, leads T3.09.
  REQUIRE(Find(mine["actions"], "code", "T3.09") != nullptr);
  CHECK((*Find(mine["actions"], "code", "T3.09"))["role"] == "lead");
  int previous = 0;
  for (const json& row : mine["actions"]) {
    CHECK(RagRank(row["rag"]) >= previous);
    previous = RagRank(row["rag"]);
  }
  // The colours are the overdue report's.
  json overdue =
      json::parse(RunCli({"--db", czt.db, "--format", "json", "overdue", "--unit", "zhuzhou"}).out);
  for (const json& item : overdue["items"]) {
    if (item["kind"] != "action") continue;
    const json* row = Find(mine["actions"], "code", item["code"]);
    REQUIRE(row != nullptr);
    CHECK((*row)["rag"] == item["rag"]);
  }
}

TEST_CASE("mine: this quarter's entry and the own entries with their ids", "[cli][mine]") {
  Czt czt;
  json before = czt.Mine("liling", {"--as-of", "2026-10-01"});
  const json* action = Find(before["actions"], "code", "T3.09");
  REQUIRE(action != nullptr);
  CHECK((*action)["quarter_entry"] == "no");
  REQUIRE(czt.As("liling",
                 {"log", "T3.09", "--percent", "99", "--on", "2026-10-01", "--note", "desk test"})
              .code == 0);
  json after = czt.Mine("liling", {"--as-of", "2026-10-01"});
  CHECK((*Find(after["actions"], "code", "T3.09"))["quarter_entry"] == "yes");
  CHECK((*Find(after["actions"], "code", "T3.09"))["percent"] == 99);
  REQUIRE(!after["entries"].empty());
  const json& latest = after["entries"][0];
  CHECK(latest["action"] == "T3.09");
  CHECK(latest["note"] == "desk test");
  CHECK(latest["retracted"] == "no");
  // The id is the one retract takes.
  const std::string id = std::to_string(latest["id"].get<int64_t>());
  REQUIRE(czt.As("liling", {"retract", id, "--reason", "wrong figure"}).code == 0);
  json retracted = czt.Mine("liling", {"--as-of", "2026-10-01", "--entries"});
  REQUIRE(!retracted.empty());
  CHECK(retracted[0]["id"] == latest["id"]);
  CHECK(retracted[0]["retracted"] == "yes");
  CHECK(czt.Mine("liling", {"--entries", "--limit", "1"}).size() <= 1);
  CHECK(czt.As("liling", {"mine", "--limit", "-1"}).code == 64);
}

TEST_CASE("mine: table, csv and md", "[cli][mine]") {
  Czt czt;
  auto table = czt.As("zhuzhou", {"mine"});
  CHECK(table.code == 0);
  CHECK_THAT(table.out, Catch::StartsWith("zhuzhou: "));
  CHECK_THAT(table.out, Catch::Contains("NEXT MILESTONE"));
  CHECK_THAT(table.out, Catch::Contains("2026Q4 ENTRY"));
  CHECK_THAT(table.out, Catch::Contains("Recent entries (plantrack retract ID"));
  auto csv = czt.As("zhuzhou", {"--format", "csv", "mine"});
  CHECK_THAT(csv.out, Catch::StartsWith("code,role,title_en,title_zh,percent,rag,"));
  CHECK_THAT(csv.out, Catch::Contains(",quarter,quarter_entry\r\n"));
  auto entries = czt.As("zhuzhou", {"--format", "csv", "mine", "--entries"});
  CHECK_THAT(entries.out, Catch::StartsWith("id,action,logged_on,"));
  auto md = czt.As("zhuzhou", {"--format", "md", "mine"});
  CHECK_THAT(md.out, Catch::Contains("## zhuzhou: actions, worst first"));
  CHECK_THAT(md.out, Catch::Contains("## zhuzhou: recent entries"));
  auto zh = czt.As("zhuzhou", {"--lang", "zh", "mine"});
  CHECK_THAT(zh.out, Catch::Contains("最近的记录"));
}
