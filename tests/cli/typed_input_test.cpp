// Identifiers and numbers as people type them, through the whole program: case, full width,
// `#` ids, a unit's names, negative values.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::RunCli;

namespace {

struct Czt : plantrack::testing::CztFile {
  CliResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return RunCli(args);
  }
};

}  // namespace

TEST_CASE("typed input: the same command in every unambiguous spelling", "[cli][typed]") {
  Czt czt;
  struct Case {
    std::vector<std::string> typed, canonical;
  };
  const Case cases[] = {
      {{"actions", "--area", "t2"}, {"actions", "--area", "T2"}},
      {{"actions", "--area", "\xEF\xBC\xB4\xEF\xBC\x92"}, {"actions", "--area", "T2"}},  // Ｔ２
      {{"milestones", "--unit", "株洲市（市区）"}, {"milestones", "--unit", "zhuzhou"}},
      {{"milestones", "--unit", "Zhuzhou (central urban area)"},
       {"milestones", "--unit", "zhuzhou"}},
      {{"status", "--unit", "醴陵市"}, {"status", "--unit", "liling"}},
      {{"overdue", "--rag", "RED"}, {"overdue", "--rag", "red"}},
      {{"overdue", "--rag", "Red,AMBER"}, {"overdue", "--rag", "red,amber"}},
      {{"actions", "--horizon", "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x95"},
       {"actions", "--horizon", "2025"}},
      {{"history", "t3.07"}, {"history", "T3.07"}},
      {{"audit", "--unit", "ZHUZHOU", "--period", "2026q3"},
       {"audit", "--unit", "zhuzhou", "--period", "2026Q3"}},
  };
  for (const Case& c : cases) {
    INFO(c.typed[0] << " " << c.typed.back());
    CliResult typed = czt.Run(c.typed), canonical = czt.Run(c.canonical);
    INFO(typed.err);
    REQUIRE(typed.code == 0);
    CHECK(typed.out == canonical.out);
    CHECK_FALSE(canonical.out.empty());
  }
}

TEST_CASE("typed input: writes accept a unit's name, any case, full-width digits and #ids",
          "[cli][typed]") {
  Czt czt;
  auto log =
      czt.Run({"--as", "株洲市（市区）", "log", "t3.07", "--percent", "\xEF\xBC\x95\xEF\xBC\x95"});
  INFO(log.err);
  REQUIRE(log.code == 0);
  CHECK_THAT(log.out,
             Catch::Contains("logged #661: T3.07 55% on-track") && Catch::Contains("by zhuzhou"));
  auto retract = czt.Run({"--as", "zhuzhou", "retract", "#661", "--reason", "wrong figure"});
  INFO(retract.err);
  CHECK(retract.code == 0);
  CHECK_THAT(retract.out, Catch::Contains("retracted #661"));
  auto done = czt.Run({"--as", "ZHUZHOU", "done", "t3.07-m2", "--on", "2026-11-20"});
  INFO(done.err);
  CHECK(done.code == 0);
  CHECK_THAT(done.out, Catch::Contains("done: T3.07-M2"));
  auto status = czt.Run({"--as", "zhuzhou", "log", "T3.07", "--percent", "56", "--status",
                         "At-Risk", "--note", "slower"});
  INFO(status.err);
  CHECK(status.code == 0);
  CHECK_THAT(status.out, Catch::Contains("56% at-risk"));
}

TEST_CASE("typed input: a negative number is a value, not an option", "[cli][typed]") {
  Czt czt;
  auto percent = czt.Run({"--as", "zhuzhou", "log", "T3.07", "--percent", "-5"});
  CHECK(percent.code == 65);  // read as the value -5 and refused by the rule, not by the parser
  CHECK_THAT(percent.err, Catch::Contains("--percent -5"));
  for (const char* value : {"-1.5", "-3"}) {
    INFO(value);
    auto measure = czt.Run({"--as", "hunan-drc", "measure", "energy-intensity", value});
    INFO(measure.err);
    CHECK(measure.code != 64);
    CHECK_THAT(measure.err, !Catch::Contains("unrecognised"));
    if (measure.code == 0) CHECK_THAT(measure.out, Catch::Contains(std::string("= ") + value));
  }
  // An option is still an option.
  CHECK(czt.Run({"--as", "hunan-drc", "measure", "energy-intensity", "-x"}).code == 64);
}

TEST_CASE("typed input: what is unknown or ambiguous is refused, naming the value",
          "[cli][typed]") {
  Czt czt;
  struct Case {
    std::vector<std::string> args;
    int code;
    const char* message;
  };
  const Case cases[] = {
      {{"actions", "--area", "t9"}, 65, "unknown area 't9'"},
      {{"history", "T3.7"}, 65, "unknown action 'T3.7' (did you mean T3.07?)"},
      {{"--as", "株洲", "log", "T3.07", "--percent", "55"}, 65, "unknown unit '株洲'"},
      {{"--as", "zhuzhou", "retract", "##661", "--reason", "x"}, 65, "LOG_ID ##661"},
      {{"overdue", "--rag", "REDD"}, 64, "'REDD' is not red or amber"},
      {{"actions", "--horizon", "2O25"}, 64, "--horizon 2O25"},
  };
  for (const Case& c : cases) {
    INFO(c.args[1]);
    auto result = czt.Run(c.args);
    CHECK(result.code == c.code);
    CHECK_THAT(result.err, Catch::Contains(c.message));
  }
}

TEST_CASE("typed input: import resolves codes and unit names as commands do", "[cli][typed]") {
  Czt czt;
  const std::string file = czt.dir.File("progress.csv");
  std::ofstream(file, std::ios::binary)
      << "action,unit,logged_on,recorded_at,percent,status,note,source\n"
      << "t3.07,株洲市（市区）,2026-11-20,,55,on-track,typed,\n";
  auto result = czt.Run({"--as", "Zhuzhou", "import", file});
  INFO(result.err);
  REQUIRE(result.code == 0);
  CHECK_THAT(result.out, Catch::Contains("progress: 1 added"));
  auto history = czt.Run({"--format", "csv", "history", "T3.07"});
  // (the empty packet and received_at columns: the entry was written here, not received)
  CHECK_THAT(history.out, Catch::Contains(",zhuzhou,2026-11-20,55,on-track,no,,,typed"));
}
