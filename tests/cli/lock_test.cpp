// Period locks on the CZT data: once Zhuzhou approves Liling's 2026Q3, every way of writing
// something dated in that quarter on an action Liling leads or supports is refused, naming the
// approval, and writes nothing; writes dated outside it, or on other actions, still go in.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::RunCli;

namespace {

// T3.09 is led by Liling and supported by Zhuzhou; T3.07 is Zhuzhou's, supported by Liling and
// Changsha. Before the approval the coordinator logs on T3.09 inside the quarter (for undo).
struct Locked : plantrack::testing::CztFile {
  Locked() {
    Ok("hunan-drc", {"log", "T3.09", "--percent", "77", "--on", "2026-09-25"});
    Ok("liling", {"submit", "2026Q3"});
    Ok("zhuzhou", {"approve", "liling", "2026Q3"});
  }
  CliResult As(const std::string& unit, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--as", unit});
    return RunCli(args);
  }
  void Ok(const std::string& unit, std::vector<std::string> args) {
    CliResult result = As(unit, std::move(args));
    INFO(result.err);
    REQUIRE(result.code == 0);
  }
  json Counts() {
    return json::parse(RunCli({"--db", db, "--format", "json", "info"}).out)["counts"];
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir.File(name), std::ios::binary) << text;
    return dir.File(name);
  }
};

constexpr const char* kLock =
    "is in 2026Q3, approved for liling by zhuzhou at 2026-11-28T10:00:00Z";

}  // namespace

TEST_CASE("lock: every writing command into a locked quarter is refused and writes nothing",
          "[cli][lock]") {
  Locked czt;
  const json before = czt.Counts();
  struct Case {
    const char* who;
    std::vector<std::string> args;
    const char* what;
  };
  const Case cases[] = {
      {"liling", {"log", "T3.09", "--percent", "80", "--on", "2026-08-01"}, "--on 2026-08-01"},
      {"zhuzhou", {"log", "T3.07", "--percent", "90", "--on", "2026-07-01"}, "--on 2026-07-01"},
      {"changsha", {"log", "T3.07", "--percent", "90", "--on", "2026-09-30"}, "--on 2026-09-30"},
      {"hunan-drc", {"log", "T3.09", "--percent", "80", "--on", "2026-08-01"}, "--on"},
      {"liling", {"done", "T3.09-M2", "--on", "2026-09-01"}, "--on 2026-09-01"},
      {"liling", {"measure", "adv-mfg-share", "74", "--on", "2026-09-01"}, "--on 2026-09-01"},
      {"liling", {"retract", "451", "--reason", "wrong"}, "entry #451 dated 2026-09-22"},
      {"hunan-drc", {"undo"}, "dated 2026-09-25"},
  };
  for (const Case& c : cases) {
    INFO(c.who << " " << c.args[0]);
    CliResult result = czt.As(c.who, c.args);
    CHECK(result.code == 65);
    CHECK_THAT(result.err, Catch::Contains(c.what));
    CHECK_THAT(result.err, Catch::Contains(kLock));
  }
  CHECK(czt.Counts() == before);
}

TEST_CASE("lock: an import with a row dated in a locked quarter is refused whole", "[cli][lock]") {
  Locked czt;
  const json before = czt.Counts();
  const std::string header = "action,unit,logged_on,recorded_at,percent,status,note,source\n";
  const std::string file =
      czt.Write("progress.csv", header + "T3.09,liling,2026-10-05,,81,on-track,,liling\n" +
                                    "T3.09,liling,2026-08-15,,79,on-track,,liling\n");
  CliResult result = czt.As("liling", {"import", file});
  CHECK(result.code == 65);
  CHECK_THAT(result.err,
             Catch::Contains("progress.csv:3: logged_on 2026-08-15 " + std::string(kLock)));
  CHECK(czt.Counts() == before);
  const std::string values =
      czt.Write("indicator_values.csv",
                "indicator,as_of,value,unit,source\nadv-mfg-share,2026-09-30,74,liling,x\n");
  CliResult value = czt.As("liling", {"import", values});
  CHECK(value.code == 65);
  CHECK_THAT(value.err, Catch::Contains("as_of 2026-09-30 " + std::string(kLock)));
  CHECK(czt.Counts() == before);
  // The same entry dated after the quarter goes in.
  const std::string later =
      czt.Write("later.csv", header + "T3.09,liling,2026-10-05,,81,on-track,,liling\n");
  CliResult accepted = czt.As("liling", {"import", later});
  INFO(accepted.err);
  CHECK(accepted.code == 0);
  CHECK(czt.Counts()["progress_log"] == before["progress_log"].get<int>() + 1);
}

TEST_CASE("lock: a milestone completed in a locked quarter through import is refused",
          "[cli][lock]") {
  Locked czt;
  REQUIRE(RunCli({"--db", czt.db, "--quiet", "export", "--out", czt.dir.File("out")}).code == 0);
  // The plan imported again, unchanged, still goes in.
  CliResult again =
      czt.As("hunan-drc", {"import", czt.dir.File("out/milestones.csv"), "--kind", "milestones"});
  INFO(again.err);
  CHECK(again.code == 0);
  const json before = czt.Counts();
  const std::string header = "code,action,title_en,title_zh,due_on,done_on\n";
  const std::string done = czt.Write(
      "milestones.csv", header + "T3.09-M2,T3.09,Upgrading complete,,2027-12-31,2026-09-01\n");
  CliResult result = czt.As("hunan-drc", {"import", done});
  CHECK(result.code == 65);
  CHECK_THAT(result.err, Catch::Contains("milestones.csv:2: T3.09-M2 done_on 2026-09-01 " +
                                         std::string(kLock)));
  CHECK(czt.Counts() == before);
  const std::string later =
      czt.Write("later.csv", header + "T3.09-M2,T3.09,Upgrading complete,,2027-12-31,2026-10-01\n");
  CHECK(czt.As("hunan-drc", {"import", later, "--kind", "milestones"}).code == 0);
}

TEST_CASE("lock: writes outside the locked quarter or the subtree still go in", "[cli][lock]") {
  Locked czt;
  czt.Ok("liling", {"log", "T3.09", "--percent", "80", "--on", "2026-10-01"});
  czt.Ok("liling", {"log", "T3.09", "--percent", "81"});  // today, in 2026Q4
  czt.Ok("liling", {"measure", "adv-mfg-share", "74", "--on", "2026-06-30"});
  czt.Ok("changsha", {"log", "T1.03", "--percent", "1", "--status", "delayed", "--on", "2026-08-01",
                      "--note", "another city's action"});
  czt.Ok("zhuzhou", {"measure", "adv-mfg-share", "74", "--on", "2026-08-01"});  // above Liling
  czt.Ok("liling", {"undo"});  // its last log is dated 2026-11-28
  czt.Ok("liling", {"done", "T3.09-M2", "--on", "2026-10-02"});
  // Reopened, the quarter takes entries again.
  czt.Ok("zhuzhou", {"reopen", "liling", "2026Q3", "--reason", "late survey"});
  czt.Ok("liling", {"retract", "451", "--reason", "wrong figure"});
}
