// The structure rules that `add` and `import` share, and the date rules of the first import
// into an empty file. Each refusal exits 65, names the value and the rule, and writes nothing.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/rules_support.h"

using nlohmann::json;
using plantrack::testing::kProgressHeader;
using plantrack::testing::Plan;
using plantrack::testing::Refused;
using plantrack::testing::RunCli;

TEST_CASE("rules: add and import share the structure rules", "[cli][rules]") {
  Plan plan;
  const json before = plan.Counts();
  auto add_action = [&](const char* area, const char* code, const char* horizon, const char* due,
                        const char* title) {
    return plan.As("hunan-drc",
                   {"add", "action", "--area", area, "--code", code, "--title-en", title,
                    "--horizon", horizon, "--start", "2024-01-01", "--due", due});
  };
  const std::string actions = "code,area,title_en,title_zh,horizon,start_on,due_on,weight,source\n";
  struct Case {
    const char* area;
    const char* code;
    const char* horizon;
    const char* due;
    const char* title;
    const char* message;
  };
  const Case cases[] = {
      {"T2", "T1.93", "2035", "2030-12-31", "x", "code T1.93 is not an action code of area T2"},
      {"T2", "T2.03x", "2035", "2030-12-31", "x", "code T2.03x is not an action code of area T2"},
      {"T2", "T2.09", "2025", "2040-06-30", "x", "due_on 2040-06-30 of T2.09 is after its horizon"},
      {"T2", "T2.09", "2035", "2023-12-31", "x",
       "due_on 2023-12-31 of T2.09 is before its start_on"},
      {"T2", "T2.09", "2035", "2030-12-31", "red \x1b[31m",
       "title_en contains an escape character (ESC)"},
      {"T2", "T2.09", "2035", "2030-12-31", "title \x1b]0;pwned\x07",
       "title_en contains an escape character (ESC)"},
  };
  for (const Case& c : cases) {
    INFO(c.code << " " << c.title);
    Refused(plan, add_action(c.area, c.code, c.horizon, c.due, c.title), c.message, before);
    const std::string row = std::string(c.code) + "," + c.area + "," + c.title + ",," + c.horizon +
                            ",2024-01-01," + c.due + ",1,x\n";
    Refused(plan, plan.Import("hunan-drc", "actions.csv", actions + row),
            std::string("actions.csv:2: ") + c.message, before);
  }
  struct JsonCase {
    const char* what;
    const char* file;
    const char* message;
  };
  const JsonCase json_cases[] = {
      {"a NUL in a unit's name",
       R"({"units": [{"slug": "yuhu", "name_en": "Yu\u0000hu", "kind": "district",
                      "parent": "changsha", "coordinator": 0, "source": "x"}]})",
       "units[0]: name_en contains a NUL character"},
      {"a NUL in an indicator code",
       R"({"indicators": [{"code": "gdp\u0000x", "name_en": "GDP", "measure_unit": "%",
                           "direction": "up", "baseline_value": 1, "baseline_year": 2021}]})",
       "indicators[0]: code gdp\\x00x is not an indicator code"},
      {"an OSC sequence in a source",
       R"({"indicators": [{"code": "gdp-x", "name_en": "GDP", "measure_unit": "%",
                           "direction": "up", "baseline_value": 1, "baseline_year": 2021,
                           "source": "\u001b]0;pwned\u0007"}]})",
       "indicators[0]: source contains an escape character (ESC)"},
      {"a C1 control in a description",
       R"({"task_areas": [{"code": "T3", "title_en": "x", "description": "a\u0085b"}]})",
       "task_areas[0]: description contains a C1 control character (U+0085"},
      {"a milestone of another action",
       R"({"milestones": [{"code": "T2.03-M1", "action": "T2.01", "title_en": "x",
                           "due_on": "2026-06-30"}]})",
       "milestones[0]: code T2.03-M1 is not a milestone code of action T2.01"},
      {"a milestone done in the future",
       R"({"milestones": [{"code": "T2.01-M9", "action": "T2.01", "title_en": "x",
                           "due_on": "2026-06-30", "done_on": "2099-01-01"}]})",
       "milestones[0]: done_on 2099-01-01 is in the future"},
      {"a slug in capitals",
       R"({"units": [{"slug": "Yuhu", "name_en": "Yuhu", "kind": "district",
                      "parent": "changsha", "coordinator": 0}]})",
       "units[0]: slug Yuhu must be 2-40 lower-case letters"},
      {"a target before the baseline",
       R"({"indicator_targets": [{"indicator": "gdp", "horizon": 2020, "value": 3}]})",
       "indicator_targets[0]: target year 2020 of gdp is not after its baseline year 2021"},
      {"a blank title", R"({"task_areas": [{"code": "T3", "title_en": "  "}]})",
       "task_areas[0]: title_en is empty"},
  };
  for (const JsonCase& c : json_cases) {
    INFO(c.what);
    Refused(plan, plan.Import("hunan-drc", "s.json", c.file), c.message, before);
  }
  Refused(plan,
          plan.As("hunan-drc", {"add", "milestone", "--action", "T2.01", "--code", "T2.01-M2",
                                "--title-en", " \t ", "--due", "2026-06-30"}),
          "title_en is empty", before);
  Refused(plan,
          plan.As("hunan-drc", {"add", "milestone", "--action", "T2.01", "--code", "T2.01-M1x",
                                "--title-en", "x", "--due", "2026-06-30"}),
          "code T2.01-M1x is not a milestone code of action T2.01", before);
  Refused(plan,
          plan.As("hunan-drc", {"add", "unit", "--slug", "yuhu", "--name-en", "Yu\xe2\x80\xaehu",
                                "--kind", "district", "--parent", "changsha"}),
          "name_en contains a bidirectional override or isolate", before);
}

TEST_CASE("rules: the first import into an empty file applies the date rules", "[cli][rules]") {
  plantrack::testing::TempDir dir;
  const std::string db = dir.File("empty.db");
  REQUIRE(RunCli({"--db", db, "--quiet", "init", "--fixture", "none"}).code == 0);
  auto file = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.File(name), std::ios::binary) << text;
    return dir.File(name);
  };
  const std::vector<std::string> structure = {
      file("plan.csv",
           "code,title_en,title_zh,issued_on,near_horizon,far_horizon,source\n"
           "p,Plan,,2022-03-22,2025-12-31,2035-12-31,x\n"),
      file("task_areas.csv", "code,title_en,title_zh,description\nT1,One,,\n"),
      file("units.csv",
           "slug,name_en,name_zh,kind,parent,coordinator,source\n"
           "hunan,Hunan,,province,,1,x\n"),
      file("actions.csv",
           "code,area,title_en,title_zh,horizon,start_on,due_on,weight,source\n"
           "T1.01,T1,One,,2035,2022-04-01,2030-12-31,1,x\n"),
  };
  for (const char* day : {"2099-01-01", "0000-01-01", "2022-03-21"}) {
    INFO(day);
    std::vector<std::string> args = {"--db", db, "import"};
    args.insert(args.end(), structure.begin(), structure.end());
    args.push_back(file("progress.csv", std::string(kProgressHeader) + "T1.01,hunan," + day +
                                            ",,10,on-track,,x\n"));
    auto result = RunCli(args);
    CHECK(result.code == 65);
    CHECK_THAT(result.err, Catch::Contains(std::string("progress.csv:2: logged_on ") + day));
  }
  auto info = json::parse(RunCli({"--db", db, "--format", "json", "info"}).out)["counts"];
  CHECK(info["progress_log"] == 0);
}
