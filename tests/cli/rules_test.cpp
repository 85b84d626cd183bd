// The rules of the write path for entries and values through every way in: `log`, `measure`,
// `retract`, and `import` of CSV and JSON. Each refusal exits 65 with a line naming the value
// and the rule, and writes nothing. The pure rules are tested edge by edge in tests/domain/.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/rules_support.h"

using nlohmann::json;
using plantrack::testing::kProgressHeader;
using plantrack::testing::kValuesHeader;
using plantrack::testing::Plan;
using plantrack::testing::Refused;
using plantrack::testing::RunCli;

TEST_CASE("rules: log judges an entry against its neighbours in time", "[cli][rules]") {
  Plan plan;
  plan.Series();
  const json before = plan.Counts();
  struct Case {
    const char* on;
    const char* percent;
    const char* message;  // empty: accepted
  };
  const Case cases[] = {
      {"2026-11-10", "63", "percent 63 on 2026-11-10 is above T1.02's 56% of 2026-11-20"},
      {"2026-10-15", "45", "percent 45 is below T1.02's 50% of 2026-10-05"},
      {"2023-12-31", "1", "logged_on 2023-12-31 is before T1.02 started on 2024-01-01"},
      {"2026-11-28", "10", "percent 10 is below T1.02's 56% of 2026-11-20"},
  };
  for (const Case& c : cases) {
    INFO(c.on << " " << c.percent);
    auto result = plan.As("liling", {"log", "T1.02", "--percent", c.percent, "--on", c.on});
    Refused(plan, result, c.message, before);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  }
  // A backdated 53 % between 50 % and 56 % is history filled in.
  auto between = plan.As("liling", {"log", "T1.02", "--percent", "53", "--on", "2026-10-15"});
  INFO(between.err);
  CHECK(between.code == 0);
  // On the action's start day is fine.
  CHECK(plan.As("liling", {"log", "T1.02", "--percent", "1", "--on", "2024-01-01"}).code == 0);
}

TEST_CASE("rules: import judges entries against their neighbours, CSV and JSON", "[cli][rules]") {
  Plan plan;
  plan.Series();
  const json before = plan.Counts();
  auto csv = [&](const std::string& row) {
    return plan.Import("liling", "p.csv", std::string(kProgressHeader) + row + "\n");
  };
  auto json_file = [&](const std::string& object) {
    return plan.Import("liling", "p.json", "{\"progress\": [" + object + "]}");
  };
  struct Case {
    const char* what;
    const char* row;
    const char* object;
    const char* message;
  };
  const Case cases[] = {
      {"above the later entry", "T1.02,liling,2026-11-10,,63,on-track,,x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2026-11-10", "percent": 63,
           "status": "on-track"})",
       "percent 63 on 2026-11-10 is above T1.02's 56% of 2026-11-20, the entry after it"},
      {"before the start", "T1.02,liling,2023-12-31,,1,on-track,,x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2023-12-31", "percent": 1,
           "status": "on-track"})",
       "logged_on 2023-12-31 is before T1.02 started on 2024-01-01"},
      {"recorded in 2030", "T1.02,liling,2026-11-25,2030-01-01T00:00:00Z,57,on-track,,x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2026-11-25",
           "recorded_at": "2030-01-01T00:00:00Z", "percent": 57, "status": "on-track"})",
       "recorded_at 2030-01-01T00:00:00Z is in the future"},
      {"recorded before its day", "T1.02,liling,2026-11-25,2026-11-24T08:00:00Z,57,on-track,,x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2026-11-25",
           "recorded_at": "2026-11-24T08:00:00Z", "percent": 57, "status": "on-track"})",
       "recorded_at 2026-11-24T08:00:00Z is before the entry's logged_on 2026-11-25"},
      {"100 % on-track", "T1.02,liling,2026-11-25,,100,on-track,,x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2026-11-25", "percent": 100,
           "status": "on-track"})",
       "percent 100 with status on-track"},
      {"a note with a bidi override",
       "T1.02,liling,2026-11-25,,57,on-track,a\xe2\x80\xae"
       "b,x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2026-11-25", "percent": 57,
           "status": "on-track", "note": "a\u202eb"})",
       "note contains a bidirectional override or isolate (U+202E"},
      {"a note with a C1 control",
       "T1.02,liling,2026-11-25,,57,on-track,a\xc2\x9b"
       "31m,x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2026-11-25", "percent": 57,
           "status": "on-track", "note": "a\u009b31m"})",
       "note contains a C1 control character (U+009B"},
      {"going back with a blank note", "T1.02,liling,2026-11-25,,30,delayed,\"   \",x",
       R"({"action": "T1.02", "unit": "liling", "logged_on": "2026-11-25", "percent": 30,
           "status": "delayed", "note": "   "})",
       "percent 30 is below T1.02's 56% of 2026-11-20"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto from_csv = csv(c.row);
    Refused(plan, from_csv, std::string("p.csv:2: ") + c.message, before);
    auto from_json = json_file(c.object);
    Refused(plan, from_json, std::string("p.json:progress[0]: ") + c.message, before);
  }
  // Filled-in history, in the same file as a newer entry: both accepted.
  auto accepted =
      csv("T1.02,liling,2026-10-15,,53,on-track,,x\n"
          "T1.02,liling,2026-11-25,2026-11-26T09:00:00Z,58,on-track,,x");
  INFO(accepted.err);
  CHECK(accepted.code == 0);
  CHECK_THAT(accepted.out, Catch::Contains("progress: 2 added"));
  // Out of order inside one file: the second row lands between the first and 56 %, above 56 %.
  auto out_of_order =
      csv("T1.02,liling,2026-11-27,,60,on-track,,x\n"
          "T1.02,liling,2026-10-20,,57,on-track,,x");
  CHECK(out_of_order.code == 65);
  CHECK_THAT(out_of_order.err, Catch::Contains("p.csv:3: percent 57 on 2026-10-20 is above"));
}

TEST_CASE("rules: status at 100 % and a supporting unit's default", "[cli][rules]") {
  Plan plan;
  const json before = plan.Counts();
  Refused(plan, plan.As("changsha", {"log", "T2.02", "--percent", "100", "--status", "on-track"}),
          "percent 100 with status on-track: an entry at 100 % is done", before);
  // T2.02 is blocked by its lead, Changsha; Zhuzhou supports it. Zhuzhou's entry without a
  // status keeps it blocked; the lead's lifts it; an explicit status is the writer's word.
  auto support = plan.As("zhuzhou", {"log", "T2.02", "--percent", "36", "--on", "2026-11-01"});
  INFO(support.err);
  REQUIRE(support.code == 0);
  CHECK_THAT(support.out, Catch::Contains("36% blocked"));
  auto reason = [&] {
    const json overdue = plan.Json({"overdue"});  // kept: the loop reads into it
    for (const json& item : overdue["items"]) {
      if (item["code"] == "T2.02") return item["reason"].get<std::string>();
    }
    return std::string();
  };
  CHECK(reason() == "blocked");
  auto lead = plan.As("changsha", {"log", "T2.02", "--percent", "38", "--on", "2026-11-03"});
  CHECK_THAT(lead.out, Catch::Contains("38% on-track"));
  CHECK(reason() != "blocked");
  auto explicit_status = plan.As(
      "zhuzhou", {"log", "T2.02", "--percent", "39", "--status", "at-risk", "--on", "2026-11-04"});
  CHECK_THAT(explicit_status.out, Catch::Contains("39% at-risk"));
}

TEST_CASE("rules: 100 % with open milestones is accepted with a warning", "[cli][rules]") {
  Plan plan;
  // T2.01 (lead: zhuzhou): M1 open, M2 done only on 2026-12-15, after the entry's day.
  auto done = plan.As("zhuzhou", {"log", "T2.01", "--percent", "100"});
  INFO(done.err);
  REQUIRE(done.code == 0);
  CHECK_THAT(done.out, Catch::Contains("T2.01 100% done"));
  CHECK(done.err ==
        "warning: T2.01 is done on 2026-11-28 with 2 milestones still open: T2.01-M1 (due "
        "2025-06-30), T2.01-M2 (due 2026-03-31)\n");
  // Import: the same warning, with its line, and the entry is written.
  Plan other;
  auto imported =
      other.Import("zhuzhou", "done.csv",
                   std::string(kProgressHeader) + "T2.01,zhuzhou,2026-11-28,,100,done,,x\n");
  REQUIRE(imported.code == 0);
  CHECK_THAT(imported.err, Catch::StartsWith("warning: "));
  CHECK_THAT(imported.err, Catch::Contains("done.csv:2: T2.01 is done on 2026-11-28 with "
                                           "2 milestones still open"));
  // No warning when every milestone is done by then (T1.01's M1 was done in 2024).
  CHECK(plan.As("changsha", {"retract", "2", "--reason", "reopened"}).code == 0);
  auto clean = plan.As("changsha", {"log", "T1.01", "--percent", "100"});
  CHECK(clean.code == 0);
  CHECK(clean.err.empty());
}

TEST_CASE("rules: a reason of blanks says nothing; notes refuse C1 and bidi", "[cli][rules]") {
  Plan plan;
  const json before = plan.Counts();
  Refused(plan, plan.As("changsha", {"retract", "8", "--reason", " \t "}),
          "reason must say why the entry is wrong", before);
  Refused(plan,
          plan.As("changsha", {"log", "T2.02", "--percent", "20", "--status", "blocked", "--note",
                               "\xe3\x80\x80 "}),
          "percent 20 is below T2.02's 35% of 2026-06-01", before);
  Refused(plan, plan.As("changsha", {"log", "T2.02", "--percent", "40", "--note", "a\xc2\x85"}),
          "note contains a C1 control character (U+0085", before);
  Refused(plan, plan.As("changsha", {"log", "T2.02", "--percent", "40", "--note", "\xe2\x81\xa6x"}),
          "note contains a bidirectional override or isolate (U+2066", before);
  Refused(plan,
          plan.As("changsha", {"log", "T2.02", "--percent", "40", "--note", "\x1b]0;title\x07"}),
          "note contains an escape character (ESC)", before);
}

TEST_CASE("rules: indicator values, by measure and by import", "[cli][rules]") {
  Plan plan;
  const json before = plan.Counts();
  Refused(plan, plan.As("changsha", {"measure", "gdp", "2.21", "--on", "2024-12-31"}),
          "value 2.21 of gdp on 2024-12-31 is already recorded", before);
  Refused(plan, plan.As("changsha", {"measure", "logistics-cost", "100.5"}),
          "value 100.5 of logistics-cost is not a share from 0 to 100", before);
  Refused(plan, plan.As("changsha", {"measure", "gdp", "2.3", "--on", "2020-12-31"}),
          "as_of 2020-12-31 is before gdp's baseline year 2021", before);
  CHECK(plan.As("changsha", {"measure", "logistics-cost", "100"}).code == 0);
  CHECK(plan.As("changsha", {"measure", "gdp", "2.3", "--on", "2021-06-30"}).code == 0);

  Plan fresh;
  const json fresh_before = fresh.Counts();
  const std::string head = kValuesHeader;
  Refused(fresh, fresh.Import("zhuzhou", "v.csv", head + "gdp,2025-12-31,2.4,changsha,x\n"),
          "v.csv:2: zhuzhou may not record a value under another unit's name", fresh_before);
  Refused(fresh, fresh.Import("zhuzhou", "v.csv", head + "gdp,2025-12-31,2.4,,x\n"),
          "v.csv:2: unit is empty", fresh_before);
  Refused(fresh,
          fresh.Import("zhuzhou", "v.json",
                       R"({"indicator_values": [{"indicator": "logistics-cost",
                            "as_of": "2025-12-31", "value": -3, "unit": "zhuzhou"}]})"),
          "v.json:indicator_values[0]: value -3 of logistics-cost is not a share from 0 to 100",
          fresh_before);
  // Zhuzhou may record under Liling, below it; the same value again is skipped.
  auto ok = fresh.Import("zhuzhou", "v.csv",
                         head +
                             "gdp,2025-12-31,2.4,liling,x\ngdp,2025-12-31,2.4,zhuzhou,x\n"
                             "gdp,2024-12-31,2.21,zhuzhou,x\n");
  INFO(ok.err);
  REQUIRE(ok.code == 0);
  CHECK_THAT(ok.out, Catch::Contains("indicator_values: 1 added, 0 updated, 2 skipped"));
}
