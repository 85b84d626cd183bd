// `verify` on the CZT file after twelve logs, each tampered with by raw SQL the way someone with
// the file and the sqlite3 tool could: every change is found, with the record named, exit 1.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

namespace {

constexpr int kLogs = 12;

// The CZT file and twelve more records, each a log of T2.03 by its lead.
struct Logged : plantrack::testing::CztFile {
  Logged() {
    for (int i = 1; i <= kLogs; ++i) {
      const std::string on = "2026-11-" + std::to_string(16 + i);  // after the fixture's last
      CliResult log = RunCli({"--db", db, "--as", "hunan-transport", "log", "T2.03", "--percent",
                              std::to_string(80 + i), "--on", on, "--note", "log " + on});
      if (log.code != 0) throw std::runtime_error("log failed: " + log.err);
    }
  }
  CliResult Verify(std::vector<std::string> more = {}) {
    std::vector<std::string> args{"--db", db, "verify"};
    args.insert(args.end(), more.begin(), more.end());
    return RunCli(args);
  }
  // Raw SQL, as with the sqlite3 tool: no triggers of plantrack's own are bypassed but those
  // the statement drops.
  void Tamper(const std::string& sql) {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(sql);
  }
  int64_t Scalar(const std::string& sql) {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    return raw.execAndGet(sql).getInt64();
  }
  std::string Text(const std::string& sql) {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    return raw.execAndGet(sql).getString();
  }
  int64_t LastJournal() { return Scalar("SELECT max(id) FROM journal"); }
  // How the first line of a broken verify names journal row `id`.
  std::string Named(int64_t id) {
    return "journal row " + std::to_string(id) + " (record " +
           Text("SELECT uid FROM journal WHERE id = " + std::to_string(id)) + ", log, recorded ";
  }
};

}  // namespace

TEST_CASE("verify: an intact file exits 0 with its count and head", "[cli][verify]") {
  Logged file;
  CliResult verify = file.Verify();
  REQUIRE(verify.code == 0);
  const int64_t count = file.Scalar("SELECT count(*) FROM journal");
  const std::string head = file.Text("SELECT hash FROM record_seal ORDER BY journal_id DESC");
  CHECK(verify.out == std::to_string(count) + " records, head " + head + "\n");
  json as_json = json::parse(RunCli({"--db", file.db, "--format", "json", "verify"}).out);
  CHECK(as_json["intact"] == true);
  CHECK(as_json["record"]["count"] == count);
  CHECK(as_json["record"]["head"] == head);
}

TEST_CASE("verify: a journal row edited is named", "[cli][verify]") {
  Logged file;
  const int64_t id = file.LastJournal() - 5;
  file.Tamper("DROP TRIGGER journal_no_update; UPDATE journal SET detail = 'nothing' WHERE id = " +
              std::to_string(id));
  CliResult verify = file.Verify();
  CHECK(verify.code == 1);
  CHECK_THAT(verify.out, Catch::StartsWith("record does not match: " + file.Named(id)));
  CHECK_THAT(verify.out, Catch::Contains("no longer matches its seal"));
}

TEST_CASE("verify: a progress entry edited after dropping its trigger is named", "[cli][verify]") {
  Logged file;
  const int64_t id = file.LastJournal() - 3;
  file.Tamper(
      "DROP TRIGGER progress_log_no_update; UPDATE progress_log SET percent = 100 "
      "WHERE journal_id = " +
      std::to_string(id));
  CliResult verify = file.Verify();
  CHECK(verify.code == 1);
  CHECK_THAT(verify.out, Catch::StartsWith("record does not match: " + file.Named(id)));
  CHECK_THAT(verify.out, Catch::Contains("1 progress_log"));
}

TEST_CASE("verify: an entry inserted without a journal row is found", "[cli][verify]") {
  Logged file;
  const std::string copy =
      "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, "
      "note, source, journal_id) SELECT action_id, unit_id, logged_on, recorded_at, 99, status, "
      "note, source, {} FROM progress_log ORDER BY id DESC LIMIT 1";
  SECTION("no journal id at all") {
    file.Tamper(fmt::format(fmt::runtime(copy), "NULL"));
    const int64_t row = file.Scalar("SELECT max(id) FROM progress_log");
    CliResult verify = file.Verify();
    CHECK(verify.code == 1);
    CHECK_THAT(verify.out, Catch::Contains("progress_log row " + std::to_string(row) +
                                           " belongs to no record"));
  }
  SECTION("a journal id that names no journal row") {
    file.Tamper(fmt::format(fmt::runtime(copy), "9999"));
    CliResult verify = file.Verify();
    CHECK(verify.code == 1);
    CHECK_THAT(verify.out, Catch::StartsWith("record does not match: journal row 9999: "));
    CHECK_THAT(verify.out, Catch::Contains("which does not exist"));
  }
  SECTION("under an existing journal id") {
    const int64_t id = file.LastJournal() - 7;
    file.Tamper(fmt::format(fmt::runtime(copy), id));
    CliResult verify = file.Verify();
    CHECK(verify.code == 1);
    CHECK_THAT(verify.out, Catch::StartsWith("record does not match: " + file.Named(id)));
    CHECK_THAT(verify.out, Catch::Contains("now 2 progress_log"));
  }
}

TEST_CASE("verify: the last ten records removed are found only with --head", "[cli][verify]") {
  Logged file;
  const int64_t count = file.Scalar("SELECT count(*) FROM journal");
  // The footer of a report printed before the removal, pasted as it reads.
  CliResult status = RunCli({"--db", file.db, "status"});
  const std::string footer = status.out.substr(status.out.rfind("record "));
  const std::string head = footer.substr(footer.find("head ") + 5, 12);
  REQUIRE(file.Verify({"--head", std::to_string(count) + ":" + head + "…"}).code == 0);
  const std::string last_ten = "(SELECT id FROM journal ORDER BY id DESC LIMIT 10)";
  file.Tamper(
      "DROP TRIGGER progress_log_no_delete; DROP TRIGGER journal_no_delete; "
      "DROP TRIGGER record_seal_no_delete; "
      "DELETE FROM progress_log WHERE journal_id IN " +
      last_ten + "; " + "DELETE FROM record_seal WHERE journal_id IN " + last_ten + "; " +
      "DELETE FROM journal WHERE id IN " + last_ten);
  CHECK(file.Verify().code == 0);  // the chain left is consistent in itself
  CliResult verify = file.Verify({"--head", std::to_string(count) + ":" + head});
  CHECK(verify.code == 1);
  CHECK_THAT(verify.out, Catch::Contains(fmt::format("holds {} records but --head names {}",
                                                     count - 10, count)));
  // A head of the same length from a rewritten history fails too.
  CliResult other = file.Verify({"--head", std::to_string(count - 10) + ":" + head});
  CHECK(other.code == 1);
  CHECK_THAT(other.out, Catch::Contains("the history up to it was rewritten"));
}

TEST_CASE("verify: a seal removed, or a journal row removed, is named", "[cli][verify]") {
  Logged file;
  const int64_t id = file.LastJournal() - 2;
  SECTION("seal") {
    file.Tamper("DROP TRIGGER record_seal_no_delete; DELETE FROM record_seal WHERE journal_id = " +
                std::to_string(id));
    CliResult verify = file.Verify();
    CHECK(verify.code == 1);
    CHECK_THAT(verify.out, Catch::StartsWith("record does not match: " + file.Named(id)));
    CHECK_THAT(verify.out, Catch::Contains("it has no seal"));
  }
  SECTION("journal row") {
    file.Tamper(
        "DROP TRIGGER journal_no_delete; PRAGMA foreign_keys = OFF; "
        "DELETE FROM journal WHERE id = " +
        std::to_string(id));
    CliResult verify = file.Verify();
    CHECK(verify.code == 1);
    CHECK_THAT(verify.out, Catch::StartsWith("record does not match: journal row " +
                                             std::to_string(id) + ": the journal row was removed"));
  }
}

TEST_CASE("verify: a file that is not plantrack's exits 69, a bad --head 64", "[cli][verify]") {
  TempDir dir;
  const std::string other = dir.File("other.db");
  SQLite::Database(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("CREATE TABLE t (x)");
  CHECK(RunCli({"--db", other, "verify"}).code == 69);
  const std::string text = dir.File("text.db");
  std::ofstream(text) << "not a database at all, just some text that is long enough\n";
  CHECK(RunCli({"--db", text, "verify"}).code == 69);
  plantrack::testing::CztFile czt;
  for (const char* head : {"12", "0:abcdefabcdef", "3:abc", "3:xyzxyzxyzxyz", ":abcdefabcdef"}) {
    CliResult bad = RunCli({"--db", czt.db, "verify", "--head", head});
    CHECK(bad.code == 64);
    CHECK_THAT(bad.err, Catch::Contains(std::string("--head ") + head));
  }
}
