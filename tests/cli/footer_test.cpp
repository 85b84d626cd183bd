// Every report ends with the record's count and head: a footer line in tables and Markdown, a
// "record" field in JSON (listings wrapped as {"rows": ...}), the HTML footer, the export; never
// in CSV.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::RunCli;

namespace {

struct Czt : plantrack::testing::CztFile {
  int64_t count = 0;
  std::string head;
  Czt() {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    count = raw.execAndGet("SELECT count(*) FROM record_seal").getInt64();
    head = raw.execAndGet("SELECT hash FROM record_seal ORDER BY journal_id DESC").getString();
  }
  std::string Footer() const {
    return "record " + std::to_string(count) + " · head " + head.substr(0, 12) + "…\n";
  }
  CliResult Run(const std::string& format, std::vector<std::string> command) {
    command.insert(command.begin(), {"--db", db, "--format", format});
    return RunCli(command);
  }
};

const std::vector<std::vector<std::string>> kReports = {
    {"status"},          {"overdue"},          {"indicators"}, {"audit"},
    {"actions"},         {"milestones"},       {"areas"},      {"units"},
    {"units", "--tree"}, {"history", "T2.03"}, {"info"},       {"overdue", "--fail-on", "any"}};

}  // namespace

TEST_CASE("footer: every table and Markdown report ends with the record", "[cli][footer]") {
  Czt czt;
  REQUIRE(czt.count > 0);
  for (const std::string format : {"table", "md"}) {
    for (const auto& command : kReports) {
      CAPTURE(format, command);
      CliResult result = czt.Run(format, command);
      CHECK(result.code == (command.size() == 3 && command[1] == "--fail-on" ? 1 : 0));
      CHECK_THAT(result.out, Catch::EndsWith("\n\n" + czt.Footer()));
    }
  }
}

TEST_CASE("footer: JSON reports carry the record as a last top-level field", "[cli][footer]") {
  Czt czt;
  for (const auto& command : kReports) {
    CAPTURE(command);
    CliResult result = czt.Run("json", command);
    json parsed = json::parse(result.out);
    REQUIRE(parsed.is_object());
    CHECK(parsed["record"]["count"] == czt.count);
    CHECK(parsed["record"]["head"] == czt.head);
    CHECK(parsed.items().begin() != parsed.items().end());
  }
  // A listing's rows are under "rows", in their order.
  json actions = json::parse(czt.Run("json", {"actions", "--area", "T2"}).out);
  REQUIRE(actions["rows"].is_array());
  CHECK(actions["rows"][0]["code"] == "T2.01");
  json empty = json::parse(czt.Run("json", {"actions", "--unit", "shaoshan", "--area", "T6"}).out);
  CHECK(empty["rows"].is_array());
}

TEST_CASE("footer: CSV stays rows only", "[cli][footer]") {
  Czt czt;
  for (const auto& command : kReports) {
    CAPTURE(command);
    CHECK_THAT(czt.Run("csv", command).out, !Catch::Contains("head"));
  }
}

TEST_CASE("footer: the HTML report and the export carry the record", "[cli][footer]") {
  Czt czt;
  const std::string html_path = czt.dir.File("report.html");
  REQUIRE(RunCli({"--db", czt.db, "report", "--html", html_path}).code == 0);
  const std::string html = plantrack::testing::ReadFile(html_path);
  CHECK_THAT(html,
             Catch::Contains("title=\"" + czt.head + "\">record " + std::to_string(czt.count) +
                             " · head " + czt.head.substr(0, 12) + "…</span>"));
  const std::string folder = czt.dir.File("export");
  CliResult csv = RunCli({"--db", czt.db, "export", "--out", folder});
  REQUIRE(csv.code == 0);
  CHECK_THAT(csv.out, !Catch::EndsWith("\n\n" + czt.Footer()));
  json record = json::parse(plantrack::testing::ReadFile(folder + "/record.json"));
  CHECK(record["record"]["count"] == czt.count);
  CHECK(record["record"]["head"] == czt.head);
  CliResult as_json = RunCli({"--db", czt.db, "--format", "json", "export"});
  json exported = json::parse(as_json.out);
  CHECK(exported["record"]["head"] == czt.head);
  // The export imports again: the record field is not a kind of rows.
  const std::string file = czt.dir.File("export.json");
  std::ofstream(file) << as_json.out;
  plantrack::testing::TempDir other;
  const std::string copy = other.File("copy.db");
  REQUIRE(RunCli({"--db", copy, "--quiet", "init", "--fixture", "none"}).code == 0);
  CliResult imported = RunCli({"--db", copy, "--as", "hunan", "import", file, "--dry-run"});
  CHECK(imported.err == "");
}
