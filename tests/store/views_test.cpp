// The SQL views other tools read must agree with the commands on the CZT data.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store/migrations.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CztCounts;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

using plantrack::testing::CztFile;

TEST_CASE("views: v_overdue agrees with plantrack overdue as of today", "[store][views]") {
  CztFile czt;
  SQLite::Database raw(czt.db);
  const std::string today = raw.execAndGet("SELECT date('now', 'localtime')").getString();
  json items = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "--as-of", today, "overdue"}).out)["items"];
  SQLite::Statement view(raw, "SELECT kind, code, reason, rag, days_overdue FROM v_overdue");
  size_t row = 0;
  while (view.executeStep()) {
    REQUIRE(row < items.size());
    INFO(view.getColumn(1).getString());
    CHECK(items[row]["kind"] == view.getColumn(0).getString());
    CHECK(items[row]["code"] == view.getColumn(1).getString());
    CHECK(items[row]["reason"] == view.getColumn(2).getString());
    CHECK(items[row]["rag"] == view.getColumn(3).getString());
    CHECK(items[row]["days_overdue"] == view.getColumn(4).getInt());
    ++row;
  }
  CHECK(row == items.size());
  CHECK(row > 10);
}

TEST_CASE("views: v_reporting sums to the audit's rates", "[store][views]") {
  CztFile czt;
  json audit = json::parse(RunCli({"--db", czt.db, "--format", "json", "--as-of", "2026-11-28",
                                   "audit", "--period", "2026Q3"})
                               .out)["reporting"];
  SQLite::Database raw(czt.db);
  SQLite::Statement view(raw, R"sql(
    SELECT unit, count(*), sum(reported), sum(on_time) FROM v_reporting
     WHERE period = '2026Q3' GROUP BY unit ORDER BY unit)sql");
  std::map<std::string, std::array<int, 3>> from_view;
  while (view.executeStep()) {
    from_view[view.getColumn(0).getString()] = {
        view.getColumn(1).getInt(), view.getColumn(2).getInt(), view.getColumn(3).getInt()};
  }
  for (const json& row : audit) {
    if (row["expected"] == 0) continue;
    INFO(row["unit"]);
    const auto& counts = from_view[row["unit"]];
    CHECK(counts[0] == row["expected"]);
    CHECK(counts[1] == row["actual"]);
    CHECK(counts[2] == row["on_time"]);
  }
}

TEST_CASE("views: v_action_status and v_responsibility follow the data", "[store][views]") {
  CztFile czt;
  REQUIRE(
      RunCli({"--db", czt.db, "--as", "hunan-transport", "log", "T2.03", "--percent", "90"}).code ==
      0);
  SQLite::Database raw(czt.db);
  CHECK(raw.execAndGet("SELECT percent FROM v_action_status WHERE code = 'T2.03'").getInt() == 90);
  CHECK(raw.execAndGet("SELECT lead FROM v_action_status WHERE code = 'T2.10'").getString() ==
        "hunan-drc,hunan-transport");
  REQUIRE(RunCli({"--db", czt.db, "--as", "hunan-transport", "undo"}).code == 0);
  CHECK(raw.execAndGet("SELECT percent FROM v_action_status WHERE code = 'T2.03'").getInt() < 90);
  CHECK(raw.execAndGet("SELECT count(*) FROM v_responsibility").getInt() ==
        CztCounts::kResponsibilities);
  CHECK(raw.execAndGet("SELECT parent FROM v_responsibility WHERE unit = 'liling' LIMIT 1")
            .getString() == "zhuzhou");
}
