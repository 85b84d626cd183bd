#pragma once
// What the tests of the write path's rules share: the small plan written to by units, files to
// import, and the check that a refusal exits 65, names the rule and writes nothing.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "small_plan.h"
#include "test_support.h"

namespace plantrack::testing {

inline const char* kProgressHeader =
    "action,unit,logged_on,recorded_at,percent,status,note,source\n";
inline const char* kValuesHeader = "indicator,as_of,value,unit,source\n";

struct Plan : SmallPlan {
  CliResult As(const std::string& unit, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--as", unit});
    return RunCli(args);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir.File(name), std::ios::binary) << text;
    return dir.File(name);
  }
  CliResult Import(const std::string& unit, const std::string& name, const std::string& text) {
    return As(unit, {"import", Write(name, text)});
  }
  nlohmann::json Counts() { return Json({"info"})["counts"]; }
  // T1.02 (lead: liling): 20 % in 2025, 40 % on 2026-10-01, then 50 % on 2026-10-05 and 56 % on
  // 2026-11-20, the series of the issue (shifted before the test clock's today).
  void Series() {
    REQUIRE(As("liling", {"log", "T1.02", "--percent", "50", "--on", "2026-10-05"}).code == 0);
    REQUIRE(As("liling", {"log", "T1.02", "--percent", "56", "--on", "2026-11-20"}).code == 0);
  }
};

// One refusal: exit 65, the message naming the value and the rule, nothing written.
inline void Refused(Plan& plan, const CliResult& result, const std::string& message,
                    const nlohmann::json& before) {
  CHECK(result.code == 65);
  CHECK_THAT(result.err, Catch::Contains(message));
  CHECK(plan.Counts() == before);
}

}  // namespace plantrack::testing
