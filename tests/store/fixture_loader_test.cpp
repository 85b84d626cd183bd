#include "store/fixture_loader.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "store/connection.h"
#include "store/embedded.h"
#include "test_support.h"

using plantrack::store::Connection;
using plantrack::store::EmbeddedFile;
using plantrack::testing::CztCounts;
using plantrack::testing::MemoryStore;

namespace {

constexpr const char* kJournalRow =
    "INSERT INTO journal (id, recorded_at, command) VALUES (1, '2026-11-28T00:00:00Z', 'x')";

int Count(Connection& connection, const char* table) {
  return connection.db().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
}

// The CZT files with one of them replaced.
std::vector<EmbeddedFile> CztWith(std::string_view name, std::string_view text) {
  std::vector<EmbeddedFile> files;
  for (const EmbeddedFile& file : plantrack::store::CztFixtureFiles()) {
    files.push_back(file.name == name ? EmbeddedFile{name, text} : file);
  }
  return files;
}

plantrack::Result<plantrack::store::LoadCounts> Load(Connection& connection,
                                                     std::span<const EmbeddedFile> files) {
  return plantrack::store::LoadPlanFiles(connection, files, 1, "2026-11-28T10:00:00Z",
                                         "2026-11-28");
}

}  // namespace

TEST_CASE("fixture: the CZT data set loads with its exact counts", "[store]") {
  Connection connection = MemoryStore(kJournalRow);
  auto counts = Load(connection, plantrack::store::CztFixtureFiles());
  INFO(counts.status().message());
  REQUIRE(counts.ok());
  CHECK(Count(connection, "plan") == 1);
  CHECK(Count(connection, "task_area") == 6);
  CHECK(Count(connection, "unit") == 19);
  CHECK(Count(connection, "action") == CztCounts::kActions);
  CHECK(Count(connection, "responsibility") == CztCounts::kResponsibilities);
  CHECK(Count(connection, "milestone") == CztCounts::kMilestones);
  CHECK(Count(connection, "indicator") == CztCounts::kIndicators);
  CHECK(Count(connection, "indicator_target") == CztCounts::kIndicatorTargets);
  CHECK(Count(connection, "indicator_value") == CztCounts::kIndicatorValues);
  CHECK(Count(connection, "progress_log") == CztCounts::kProgress);
  CHECK(Count(connection, "progress_log WHERE journal_id = 1") == CztCounts::kProgress);
  // The three cities and their county-level units, with Liling under Zhuzhou.
  CHECK(connection.db()
            .execAndGet("SELECT p.slug FROM unit u JOIN unit p ON p.id = u.parent_id "
                        "WHERE u.slug = 'liling'")
            .getString() == "zhuzhou");
  CHECK(Count(connection, "unit WHERE coordinator = 1") == 2);
  CHECK(Count(connection, "action WHERE horizon = 2025") >= 10);
  CHECK(Count(connection, "action WHERE horizon = 2035") >= 10);
}

TEST_CASE("fixture: a bad row names its file and line and nothing is kept", "[store]") {
  struct Case {
    const char* what;
    const char* file;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"unknown parent", "units.csv",
       "slug,name_en,name_zh,kind,parent,coordinator,source\n"
       "hunan,Hunan,湖南省,province,,0,x\nchangsha,Changsha,长沙市,city,hunann,0,x\n",
       "units.csv:3: unknown unit 'hunann'"},
      {"bad date", "plan.csv",
       "code,title_en,title_zh,issued_on,near_horizon,far_horizon,source\n"
       "czt,Plan,规划,2022-02-30,2025-12-31,2035-12-31,x\n",
       "plan.csv:2: issued_on '2022-02-30' is not a valid date"},
      {"missing column", "task_areas.csv", "code,title_en,title_zh\nT1,a,b\n",
       "task_areas.csv:1: missing column 'description'"},
      {"code twice", "task_areas.csv", "code,title_en,title_zh,description\nT1,a,b,c\nT1,d,e,f\n",
       "task_areas.csv:3: code 'T1' appears twice (first at task_areas.csv:2)"},
      {"percent out of range", "progress.csv",
       "action,unit,logged_on,recorded_at,percent,status,note,source\n"
       "T1.01,xiangjiang-new-area,2023-01-01,2023-01-02T00:00:00Z,120,on-track,,x\n",
       "progress.csv:2: percent '120' is not a whole number from 0 to 100"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Connection connection = MemoryStore(kJournalRow);
    auto files = CztWith(c.file, c.text);
    SQLite::Transaction transaction(connection.db());
    auto loaded = Load(connection, files);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.status().exit_code() == 65);
    CHECK_THAT(loaded.status().message(), Catch::StartsWith(c.message));
  }
}

TEST_CASE("fixture: every entry was written by a unit allowed to write it", "[store]") {
  Connection connection = MemoryStore(kJournalRow);
  REQUIRE(Load(connection, plantrack::store::CztFixtureFiles()).ok());
  // The write rule: the unit, or a unit below it, is lead or support of the action.
  const int strays = connection.db()
                         .execAndGet(R"sql(
    SELECT count(*) FROM progress_log p WHERE NOT EXISTS (
      WITH RECURSIVE below (id) AS (
        SELECT p.unit_id UNION SELECT u.id FROM unit u JOIN below ON u.parent_id = below.id)
      SELECT 1 FROM responsibility r
       WHERE r.action_id = p.action_id AND r.unit_id IN (SELECT id FROM below)))sql")
                         .getInt();
  CHECK(strays == 0);
}
