// `template` and the sheet's way back through `import`: the filled rows are added by the write
// path's rules, the empty ones skipped, and a problem names FILE:LINE.

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::ReadFile;
using plantrack::testing::RunCli;

namespace {

// `text` with the line of `action` given `fill` for its four empty columns.
std::string Filled(std::string text, const std::string& action, const std::string& fill) {
  const size_t line = text.find("\r\n" + action + ",");
  REQUIRE(line != std::string::npos);
  const size_t end = text.find(",,,,\r\n", line + 2);
  REQUIRE(end != std::string::npos);
  return text.replace(end, 4, "," + fill);
}

// The 1-based line of `action`'s row.
int LineOf(const std::string& text, const std::string& action) {
  const size_t at = text.find("\r\n" + action + ",");
  return 2 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("template: one row per action of the unit, BOM and empty columns", "[cli][template]") {
  plantrack::testing::CztFile czt;
  auto sheet = RunCli({"--db", czt.db, "template", "--unit", "liling", "--out", "-"});
  REQUIRE(sheet.code == 0);
  CHECK_THAT(sheet.out, Catch::StartsWith("\xEF\xBB\xBF"
                                          "action,title_en,title_zh,unit,role,"
                                          "last_percent,last_status,last_logged_on,period,"
                                          "percent,status,note,logged_on\r\n"));
  json actions = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "actions", "--unit", "liling"}).out)["rows"];
  REQUIRE(!actions.empty());
  for (const json& action : actions) {
    CHECK_THAT(sheet.out, Catch::Contains("\r\n" + action["code"].get<std::string>() + ","));
  }
  CHECK_THAT(sheet.out, Catch::Contains(",liling,lead,"));
  CHECK_THAT(sheet.out, Catch::Contains(",2026Q4,,,,\r\n"));
  auto period =
      RunCli({"--db", czt.db, "template", "--unit", "liling", "--period", "2026Q3", "--out", "-"});
  CHECK_THAT(period.out, Catch::Contains(",2026Q3,,,,\r\n"));
  CHECK(RunCli({"--db", czt.db, "template", "--unit", "liing", "--out", "-"}).code == 65);
  CHECK(RunCli({"--db", czt.db, "template", "--unit", "liling", "--period", "Q3", "--out", "-"})
            .code == 64);
  CHECK(RunCli({"--db", czt.db, "template", "--unit", "liling"}).code == 64);
  CHECK(RunCli({"--db", czt.db, "template", "--unit", "liling", "--out",
                czt.dir.File("no/such/dir.csv")})
            .code == 73);
}

TEST_CASE("template: the filled sheet imports its filled rows only", "[cli][template]") {
  plantrack::testing::CztFile czt;
  const std::string file = czt.dir.File("liling.csv");
  auto written =
      RunCli({"--db", czt.db, "template", "--unit", "liling", "--period", "2026Q3", "--out", file});
  REQUIRE(written.code == 0);
  CHECK_THAT(written.out, Catch::Contains("plantrack --as liling import " + file));
  Write(file, Filled(ReadFile(file), "T3.09", "80,,from the sheet,"));
  auto imported = RunCli({"--db", czt.db, "--as", "liling", "import", file});
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  CHECK_THAT(imported.out, Catch::Contains("progress: 1 added"));
  json entries = json::parse(
      RunCli({"--db", czt.db, "--as", "liling", "--format", "json", "mine", "--entries"})
          .out)["rows"];
  REQUIRE(!entries.empty());
  CHECK(entries[0]["action"] == "T3.09");
  CHECK(entries[0]["percent"] == 80);
  CHECK(entries[0]["status"] == "on-track");
  CHECK(entries[0]["logged_on"] == "2026-09-30");  // the period's last day
  CHECK(entries[0]["note"] == "from the sheet");
}

TEST_CASE("template: a problem in the sheet names FILE:LINE and adds nothing", "[cli][template]") {
  plantrack::testing::CztFile czt;
  const std::string file = czt.dir.File("sheet.csv");
  REQUIRE(RunCli({"--db", czt.db, "template", "--unit", "liling", "--out", file}).code == 0);
  const std::string blank = ReadFile(file);
  const auto count = [&] {
    return json::parse(RunCli({"--db", czt.db, "--format", "json", "info"}).out)["counts"];
  };
  const json before = count();
  SECTION("a note without a percent") {
    Write(file, Filled(blank, "T3.09", ",,a note only,"));
    auto result = RunCli({"--db", czt.db, "--as", "liling", "import", file});
    CHECK(result.code == 65);
    CHECK_THAT(result.err,
               Catch::Contains(file + ":" + std::to_string(LineOf(blank, "T3.09")) + ": T3.09"));
    CHECK_THAT(result.err, Catch::Contains("percent is empty"));
  }
  SECTION("a percent out of range") {
    Write(file, Filled(blank, "T3.09", "180,,,"));
    auto result = RunCli({"--db", czt.db, "--as", "liling", "import", file});
    CHECK(result.code == 65);
    CHECK_THAT(result.err, Catch::Contains(file + ":"));
    CHECK_THAT(result.err, Catch::Contains("180"));
  }
  SECTION("a unit not responsible for the action") {
    Write(file, Filled(blank, "T3.09", "80,,,"));
    auto result = RunCli({"--db", czt.db, "--as", "xiangtan", "import", file});
    CHECK(result.code == 65);
    CHECK_THAT(result.err, Catch::Contains(file + ":"));
  }
  SECTION("an untouched sheet adds nothing") {
    auto result = RunCli({"--db", czt.db, "--as", "liling", "import", file});
    CHECK(result.code == 0);
    CHECK_THAT(result.out, Catch::Contains("imported:"));
  }
  CHECK(count()["progress_log"] == before["progress_log"]);
}
