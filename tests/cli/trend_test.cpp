// trend: every row is what `status --as-of` prints for that day, and it reads as a history.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "small_plan.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::RunCli;

namespace {

json RunJson(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--format", "json"});
  auto result = RunCli(args);
  INFO(result.err);
  REQUIRE(result.code == 0);
  return json::parse(result.out);
}

// Holds each trend row to the total row of `status --as-of` on its day, under the same filters.
void RequireRowsEqualStatus(const std::string& db, const std::string& as_of,
                            const std::vector<std::string>& filters, size_t expected_rows,
                            const std::string& by = "quarter") {
  std::vector<std::string> args{"--as-of", as_of, "trend", "--by", by};
  args.insert(args.end(), filters.begin(), filters.end());
  json trend = RunJson(db, args);
  REQUIRE(trend["rows"].size() == expected_rows);
  for (const json& row : trend["rows"]) {
    std::vector<std::string> status_args{"--as-of", row["on"], "status"};
    status_args.insert(status_args.end(), filters.begin(), filters.end());
    const json total = RunJson(db, status_args)["total"];
    INFO(row.dump());
    CHECK(row["actions"] == total["actions"]);
    CHECK(row["percent"] == total["percent"]);
    CHECK(row["done"] == total["done"]);
    CHECK(row["green"] == total["green"]);
    CHECK(row["amber"] == total["amber"]);
    CHECK(row["red"] == total["red"]);
  }
}

}  // namespace

TEST_CASE("trend: each quarter's row equals status --as-of that quarter's end", "[cli][report]") {
  plantrack::testing::SmallPlan plan;
  // 2022Q1 (issued 2022-03-22) to 2026Q3, and 2026Q4 up to 2026-11-28: 20 rows.
  RequireRowsEqualStatus(plan.db, "2026-11-28", {}, 20);
  RequireRowsEqualStatus(plan.db, "2026-11-28", {"--unit", "zhuzhou"}, 20);
  RequireRowsEqualStatus(plan.db, "2026-11-28", {"--area", "T2", "--horizon", "2035"}, 20);
}

TEST_CASE("trend: on the CZT plan, by quarter and by year, rows equal status", "[cli][report]") {
  plantrack::testing::CztFile czt;
  RequireRowsEqualStatus(czt.db, "2026-11-28", {}, 20);
  RequireRowsEqualStatus(czt.db, "2026-11-28", {}, 5, "year");
  RequireRowsEqualStatus(czt.db, "2026-11-28", {"--unit", "zhuzhou"}, 5, "year");
}

TEST_CASE("trend: a colour that was red stays visible in the history", "[cli][report]") {
  plantrack::testing::SmallPlan plan;
  json trend = plan.Json({"trend", "--by", "year"});
  REQUIRE(trend["by"] == "year");
  const json& rows = trend["rows"];
  REQUIRE(rows.size() == 5);
  CHECK(rows[0]["period"] == "2022");
  CHECK(rows[0]["on"] == "2022-12-31");
  CHECK(rows[4]["period"] == "2026");
  CHECK(rows[4]["on"] == "2026-11-28");
  CHECK(rows[4]["partial"] == true);
  // End of 2025: T1.01 done; T2.01 (due that day) not yet overdue; T2.02 not yet blocked.
  CHECK(rows[3]["done"] == 1);
  CHECK(rows[3]["red"] == 0);
  CHECK(rows[4]["red"] == 2);  // T2.01 overdue, T2.02 blocked
}

TEST_CASE("trend: the table ends with sparklines, and a wrong --by is a usage error",
          "[cli][report]") {
  plantrack::testing::SmallPlan plan;
  auto table = RunCli({"--db", plan.db, "--as-of", "2026-11-28", "trend"});
  REQUIRE(table.code == 0);
  CHECK_THAT(table.out, Catch::Contains("2026Q4*"));
  CHECK_THAT(table.out, Catch::Contains("PERCENT  ▁"));
  CHECK_THAT(table.out, Catch::Contains("→"));
  auto csv = RunCli({"--db", plan.db, "--as-of", "2026-11-28", "--format", "csv", "trend"});
  CHECK(csv.out.rfind("period,on,actions,percent,done,green,amber,red\r\n2022Q1,2022-03-31", 0) ==
        0);
  auto wrong = RunCli({"--db", plan.db, "trend", "--by", "month"});
  CHECK(wrong.code == 64);
  CHECK_THAT(wrong.err, Catch::Contains("--by month is not quarter or year"));
}
