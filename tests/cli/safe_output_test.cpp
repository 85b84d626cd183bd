// Outputs safe for their readers: CSV cells a spreadsheet would run are defused (and read back
// exactly), Markdown shows HTML and pipes as text.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::ReadFile;
using plantrack::testing::RunCli;

namespace {

using Czt = plantrack::testing::CztFile;

}  // namespace

TEST_CASE("outputs: CSV cells are defused for spreadsheets and round-trip byte for byte",
          "[cli][import]") {
  Czt czt;
  const char* notes[] = {
      "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-1+1", "@SUM(A1)", "'=kept as typed", "'plain"};
  int percent = 53;
  for (const char* note : notes) {
    auto log = czt.Run({"--as", "zhuzhou", "log", "T3.07", "--percent", std::to_string(percent++),
                        "--note", note});
    INFO(log.err);
    REQUIRE(log.code == 0);
  }
  const std::string csv = czt.Run({"--format", "csv", "history", "T3.07"}).out;
  CHECK_THAT(csv, Catch::Contains(",\"'=HYPERLINK(") && Catch::Contains(",'+1+1\r\n") &&
                      Catch::Contains(",'-1+1\r\n") && Catch::Contains(",'@SUM(A1)\r\n") &&
                      Catch::Contains(",''=kept as typed\r\n") && Catch::Contains(",''plain\r\n"));
  CHECK_THAT(csv, !Catch::Contains(",=HYPERLINK"));

  REQUIRE(czt.Run({"--quiet", "export", "--out", czt.dir.File("one")}).code == 0);
  const std::string copy = czt.dir.File("copy.db");
  REQUIRE(RunCli({"--db", copy, "--quiet", "init", "--fixture", "none"}).code == 0);
  std::vector<std::string> import{"--db", copy, "import"};
  for (const char* kind :
       {"plan", "task_areas", "units", "actions", "responsibilities", "milestones", "indicators",
        "indicator_targets", "indicator_values", "progress"}) {
    import.push_back(czt.dir.File("one/" + std::string(kind) + ".csv"));
  }
  auto imported = RunCli(import);
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  REQUIRE(RunCli({"--db", copy, "--quiet", "export", "--out", czt.dir.File("two")}).code == 0);
  const std::string progress = ReadFile(czt.dir.File("one/progress.csv"));
  CHECK_THAT(progress, Catch::Contains(",''=kept as typed,"));
  CHECK(ReadFile(czt.dir.File("two/progress.csv")) == progress);
  CHECK(ReadFile(czt.dir.File("two/units.csv")) == ReadFile(czt.dir.File("one/units.csv")));
  // And the note itself came back as typed.
  const json history =
      json::parse(RunCli({"--db", copy, "--format", "json", "history", "T3.07"}).out)["rows"];
  int found = 0;
  for (const json& event : history) {
    for (const char* note : notes) found += event["detail"] == note;
  }
  CHECK(found == 6);
}

TEST_CASE("outputs: Markdown shows HTML and pipes as text", "[cli]") {
  Czt czt;
  REQUIRE(czt.Run({"--as", "zhuzhou", "log", "T3.07", "--percent", "53", "--note",
                   "<script>alert(1)</script> | <img src=x onerror=alert(2)> a\\|b & co"})
              .code == 0);
  const std::string md = czt.Run({"--format", "md", "history", "T3.07"}).out;
  CHECK_THAT(md, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| &lt;img src=x "
                                 "onerror=alert(2)&gt; a\\\\\\|b &amp; co"));
  CHECK_THAT(md, !Catch::Contains("<script>") && !Catch::Contains("<img"));
}
