// import and export: the round trip, re-import, malformed files, permissions and dry runs.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "domain/civil_date.h"
#include "store/progress_batch.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::CztCounts;
using plantrack::testing::ReadFile;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

namespace {

struct Files {
  TempDir dir;
  std::string czt = dir.File("czt.db");
  Files() { REQUIRE(RunCli({"--db", czt, "--quiet", "init"}).code == 0); }

  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir.File(name), std::ios::binary) << text;
    return dir.File(name);
  }
  CliResult Import(const std::string& db, const std::string& unit, std::vector<std::string> files) {
    std::vector<std::string> args{"--db", db, "--as", unit, "import"};
    args.insert(args.end(), files.begin(), files.end());
    return RunCli(args);
  }
  json Counts(const std::string& db) {
    return json::parse(RunCli({"--db", db, "--format", "json", "info"}).out)["counts"];
  }
  std::string Report(const std::string& db, const std::string& command) {
    // The record's head differs between two files holding the same data: compared without it.
    json report =
        json::parse(RunCli({"--db", db, "--as-of", "2026-11-28", "--format", "json", command}).out);
    report.erase("record");
    return report.dump(2);
  }
};

const char* kProgressHeader = "action,unit,logged_on,recorded_at,percent,status,note,source\n";

}  // namespace

TEST_CASE("import: an export imported into an empty file gives the same reports", "[cli][import]") {
  Files files;
  REQUIRE(RunCli({"--db", files.czt, "--quiet", "export", "--out", files.dir.File("csv")}).code ==
          0);
  REQUIRE(RunCli({"--db", files.czt, "--format", "json", "export", "--out", files.dir.File("j")})
              .code == 0);
  for (const std::string& source : {std::string("csv"), std::string("json")}) {
    INFO(source);
    const std::string db = files.dir.File(source + ".db");
    REQUIRE(RunCli({"--db", db, "--quiet", "init", "--fixture", "none"}).code == 0);
    std::vector<std::string> inputs;
    if (source == "csv") {
      for (const char* kind :
           {"progress", "units", "plan", "task_areas", "actions", "responsibilities", "milestones",
            "indicators", "indicator_targets", "indicator_values"}) {
        inputs.push_back(files.dir.File("csv/" + std::string(kind) + ".csv"));
      }
    } else {
      inputs.push_back(files.dir.File("j/plantrack.json"));
    }
    auto imported = files.Import(db, "hunan-drc", inputs);
    INFO(imported.err);
    REQUIRE(imported.code == 0);
    for (const char* command : {"status", "overdue", "audit", "indicators"}) {
      CHECK(files.Report(db, command) == files.Report(files.czt, command));
    }
    // Importing the same files again changes nothing.
    const json before = files.Counts(db);
    auto again = files.Import(db, "hunan-drc", inputs);
    REQUIRE(again.code == 0);
    CHECK_THAT(again.out, Catch::Contains(fmt::format("progress: 0 added, 0 updated, {} skipped",
                                                      CztCounts::kProgress)));
    json after = files.Counts(db);
    after.erase("journal");
    json expected = before;
    expected.erase("journal");
    CHECK(after == expected);
  }
}

TEST_CASE("import: a malformed file names its line and changes nothing", "[cli][import]") {
  Files files;
  const json before = files.Counts(files.czt);
  struct Case {
    const char* what;
    std::string name;
    std::string text;
    const char* message;
  };
  const std::string head = kProgressHeader;
  const std::string ok_row =
      "T2.03,hunan-transport,2026-11-01,2026-11-02T08:00:00Z,90,on-track,,x\n";
  const Case cases[] = {
      {"bad quoting", "q.csv",
       head + ok_row + "T2.03,hunan-transport,2026-11-02,\"2026-11-02T08:00:00Z,90\n",
       "q.csv:3: malformed CSV"},
      {"missing column", "m.csv",
       "action,unit,logged_on,percent,status,note,source\nT2.03,x,y,1,2,3,4\n",
       "m.csv:1: these columns are not a plantrack file"},
      {"unknown code", "u.csv",
       head + ok_row + "T9.99,hunan-transport,2026-11-01,,90,on-track,,x\n",
       "u.csv:3: unknown action 'T9.99'"},
      {"bad date", "d.csv", head + "T2.03,hunan-transport,2026-02-30,,90,on-track,,x\n",
       "d.csv:2: logged_on '2026-02-30' is not a valid date"},
      {"code twice", "a.csv",
       "code,area,title_en,title_zh,horizon,start_on,due_on,weight,source\n"
       "T2.20,T2,New,,2035,2026-01-01,2030-12-31,1,x\nT2.20,T2,Again,,2035,2026-01-01,2030-12-31,1,"
       "x\n",
       "a.csv:3: code 'T2.20' appears twice (first at "},
      {"wrong kind of file", "w.csv", "name,age\nAlice,30\n", "w.csv:1: these columns are not"},
      {"invalid UTF-8", "x.csv",
       head + ok_row + "T2.03,hunan-transport,2026-11-01,,90,on-track,\xff\xfe,x\n",
       "x.csv:3: field 7 is not valid UTF-8"},
      {"short row", "s.csv", head + "T2.03,hunan-transport,2026-11-01\n",
       "s.csv:2: 3 fields where the header has 8"},
      {"percent out of range", "p.csv",
       head + "T2.03,hunan-transport,2026-11-01,,120,on-track,,x\n",
       "p.csv:2: percent '120' is not a whole number from 0 to 100"},
      {"not JSON", "n.json", "{\"progress\": [", "n.json: not valid JSON"},
      {"JSON, not an object", "o.json", "[]", "o.json: not a JSON export"},
      {"JSON, an unknown kind", "k.json", R"({"people": []})",
       "k.json: 'people' is not a kind of plantrack rows"},
      {"JSON, a kind that is not an array", "v.json", R"({"progress": {}})",
       "v.json: 'progress' is not an array of rows"},
      {"JSON, a kind twice", "t.json", R"({"progress": [], "progress": []})",
       "t.json: 'progress' appears twice"},
      {"JSON, a row that is not an object", "r.json", R"({"progress": [1]})",
       "r.json:progress[0]: not an object"},
      {"JSON, a field that is not a value", "f.json",
       R"({"progress": [{"action": "T2.03", "note": ["a"]}]})",
       "f.json:progress[0]: field 'note' is not a single value"},
      {"JSON, an unknown code", "c.json",
       R"({"progress": [{"action": "T2.03", "unit": "hunan-transport", "logged_on": "2026-11-01",
                         "percent": 90, "status": "on-track"},
                        {"action": "T9.99", "unit": "hunan-transport", "logged_on": "2026-11-01",
                         "percent": 90, "status": "on-track"}]})",
       "c.json:progress[1]: unknown action 'T9.99'"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto result = files.Import(files.czt, "hunan-drc", {files.Write(c.name, c.text)});
    CHECK(result.code == 65);
    CHECK_THAT(result.err, Catch::Contains(c.message));
    // The file is named once, not "a.csv: /tmp/.../a.csv:3: ...".
    const std::string name = std::regex_replace(c.name, std::regex("\\."), "\\.");
    CHECK_FALSE(std::regex_search(result.err, std::regex(name + ": \\S*" + name)));
  }
  CHECK(files.Counts(files.czt) == before);
}

TEST_CASE("import: a UTF-8 byte-order mark, CRLF and quoted newlines are fine", "[cli][import]") {
  Files files;
  const std::string text =
      std::string("\xEF\xBB\xBF") +
      "action,unit,logged_on,recorded_at,percent,status,note,source\r\n" +
      "T2.03,hunan-transport,2026-11-20,,80,on-track,\"two\r\nlines, \"\"quoted\"\"\",ops\r\n";
  auto result = files.Import(files.czt, "hunan-transport", {files.Write("bom.csv", text)});
  INFO(result.err);
  REQUIRE(result.code == 0);
  CHECK_THAT(result.out, Catch::Contains("progress: 1 added"));
  json history =
      json::parse(RunCli({"--db", files.czt, "--format", "json", "history", "T2.03"}).out)["rows"];
  CHECK(history.back()["detail"] == "two\nlines, \"quoted\"");  // line ends normalised
}

TEST_CASE("import: the write path's permissions, and a dry run writes nothing", "[cli][import]") {
  Files files;
  const std::string progress = files.Write(
      "p.csv", std::string(kProgressHeader) + "T2.03,hunan-transport,2026-11-20,,80,on-track,,x\n");
  auto refused = files.Import(files.czt, "zhuzhou", {progress});
  CHECK(refused.code == 65);
  CHECK_THAT(refused.err, Catch::Contains("p.csv:2: zhuzhou may not write this entry"));
  const std::string units = files.Write("units.csv",
                                        "slug,name_en,name_zh,kind,parent,coordinator,source\n"
                                        "yuhu,Yuhu,雨湖区,district,xiangtan,0,x\n");
  auto structure = files.Import(files.czt, "xiangtan", {units});
  CHECK(structure.code == 65);
  CHECK_THAT(structure.err, Catch::Contains("units.csv:2: xiangtan is not a coordinator"));
  const json before = files.Counts(files.czt);
  auto dry =
      RunCli({"--db", files.czt, "--as", "hunan-drc", "import", "--dry-run", units, progress});
  REQUIRE(dry.code == 0);
  CHECK_THAT(dry.out, Catch::Contains("dry run, nothing written"));
  CHECK_THAT(dry.out, Catch::Contains("units: 1 added"));
  CHECK(files.Counts(files.czt) == before);
}

TEST_CASE("import: at most 50 problems are listed, then a count", "[cli][import]") {
  Files files;
  std::string text = kProgressHeader;
  for (int i = 0; i < 60; ++i) text += "T9.99,hunan-transport,2026-11-01,,90,on-track,,x\n";
  auto result = files.Import(files.czt, "hunan-drc", {files.Write("many.csv", text)});
  CHECK(result.code == 65);
  CHECK_THAT(result.err, Catch::Contains("(60 problems)"));
  CHECK_THAT(result.err, Catch::Contains("many.csv:51: unknown action"));
  CHECK_THAT(result.err, Catch::Contains("... and 10 more"));
  CHECK(result.err.find("many.csv:52:") == std::string::npos);
}

TEST_CASE("import: a JSON file's arrays load parents first, whatever their order in the file",
          "[cli][import]") {
  Files files;
  // The progress array comes first and names a unit that the units array, later in the file,
  // adds: the file is read once per run of arrays in load order.
  const std::string file = files.Write("late.json", R"({
    "progress": [{"action": "T5.06", "unit": "shaoshan-school", "logged_on": "2026-11-20",
                  "percent": 10, "status": "on-track", "note": "首批结对", "source": "x"}],
    "responsibilities": [{"action": "T5.06", "unit": "shaoshan-school", "role": "support"}],
    "units": [{"slug": "shaoshan-school", "name_en": "Shaoshan school board", "kind": "agency",
               "parent": "shaoshan", "coordinator": 0, "source": "x"}]
  })");
  auto result = files.Import(files.czt, "hunan-drc", {file});
  INFO(result.err);
  REQUIRE(result.code == 0);
  CHECK_THAT(result.out, Catch::Contains("units: 1 added"));
  CHECK_THAT(result.out, Catch::Contains("progress: 1 added"));
  auto history = RunCli({"--db", files.czt, "--format", "json", "history", "T5.06"});
  CHECK_THAT(history.out, Catch::Contains("首批结对"));
}

TEST_CASE("import: a row repeated later in the same file is skipped, across batches",
          "[cli][import]") {
  Files files;
  // Entries on T5.06, which has none, each on its own day, then the first one again: the
  // entries are written many to a statement, and the duplicate check must see them all.
  const int entries = static_cast<int>(plantrack::store::ProgressBatch::kRows) * 2 + 22;
  const auto first = *plantrack::domain::ParseIsoDate("2025-01-01");
  std::string text = kProgressHeader;
  for (int day = 0; day < entries; ++day) {
    text += fmt::format("T5.06,shaoshan,{},,{},on-track,step {},\n",
                        plantrack::domain::FormatIsoDate(plantrack::domain::AddDays(first, day)),
                        1 + day * 99 / entries, day);
  }
  text += "T5.06,shaoshan,2025-01-01,,1,on-track,step 0,\n";
  const json before = files.Counts(files.czt);
  auto result = files.Import(files.czt, "shaoshan", {files.Write("p.csv", text)});
  INFO(result.err);
  REQUIRE(result.code == 0);
  CHECK_THAT(result.out,
             Catch::Contains(fmt::format("progress: {} added, 0 updated, 1 skipped", entries)));
  CHECK(files.Counts(files.czt)["progress_log"] == before["progress_log"].get<int>() + entries);
}
