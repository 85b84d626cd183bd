#pragma once
// Shared helpers for the tests: a temporary folder that cleans up after itself, and the whole
// program run in-process with a fixed clock.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "store/connection.h"

namespace plantrack::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string File(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};

// Today is 2026-11-28 and the clock reads 2026-11-28T10:00:00Z; no terminal, no environment.
cli::Environment TestEnvironment();

CliResult RunCli(const std::vector<std::string>& args,
                 const cli::Environment& env = TestEnvironment());

// The row counts of fixtures/czt, kept here so that a change to the data set changes one place.
struct CztCounts {
  static constexpr int kActions = 48;
  static constexpr int kResponsibilities = 129;
  static constexpr int kMilestones = 109;
  static constexpr int kIndicators = 17;
  static constexpr int kIndicatorTargets = 15;
  static constexpr int kIndicatorValues = 58;
  static constexpr int kProgress = 660;
  static constexpr int kDone = 16;  // actions whose latest entry is done, as of the test clock
};

// A temporary folder holding a freshly initialised CZT database, as of the test clock.
struct CztFile {
  CztFile();
  TempDir dir;
  std::string db = dir.File("czt.db");

  // The program run on this file.
  CliResult Run(std::vector<std::string> args) const;
  // How many rows `table` holds, read with raw SQL.
  int64_t Count(const char* table) const;
  // The rows of `history CODE` as JSON.
  nlohmann::json History(const std::string& code) const;
};

// The rows of a listing's JSON, which come wrapped as {"rows": [...], "record": {...}}; any
// other JSON as it is.
nlohmann::json ListingRows(const std::string& out);

// A new in-memory store at the latest schema, with `sql` run in it.
store::Connection MemoryStore(const char* sql = "");

// The least a progress entry can be written to: plan czt, area T1, unit changsha (id 1), action
// T1.01 (id 1, 2022-04-01 to 2030-12-31) and journal row 1.
inline constexpr const char* kOneActionPlan = R"sql(
  INSERT INTO plan VALUES (1, 'czt', 'Plan', '', '2022-03-22', '2025-12-31', '2035-12-31', '');
  INSERT INTO task_area (id, plan_id, code, title_en) VALUES (1, 1, 'T1', 'Spatial layout');
  INSERT INTO unit (id, slug, name_en, kind) VALUES (1, 'changsha', 'Changsha', 'city');
  INSERT INTO action (id, task_area_id, code, title_en, horizon, start_on, due_on) VALUES
    (1, 1, 'T1.01', 'One', 2035, '2022-04-01', '2030-12-31');
  INSERT INTO journal (id, recorded_at, command) VALUES (1, '2026-01-02T00:00:00Z', 'test');
)sql";

// Reads a whole file (bytes).
std::string ReadFile(const std::string& path);

}  // namespace plantrack::testing
