// A received packet's records are sealed as one run (schema 0004): one seal row on the run's last
// record. What a seal per record proved still holds: `verify` recomputes every link, names an
// edited record inside the run itself, and finds a run's seal or one of its records removed;
// the record's length printed on reports still counts every record.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/offices_support.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::Offices;

namespace {

// Liling logs T3.09 three times on its replica and sends them; the master receives the packet.
struct ThreeReceived : Offices {
  ThreeReceived() {
    for (const char* day : {"20", "21", "22"}) {
      REQUIRE(Office("liling", {"log", "T3.09", "--percent", std::string("8") + day[1], "--on",
                                std::string("2026-11-") + day})
                  .code == 0);
    }
    REQUIRE(Send("liling", "l.pkt").code == 0);
    CliResult before = Master({"verify"});
    REQUIRE(before.code == 0);
    head_before = before.out.substr(0, before.out.find(" records")) + ":" +
                  before.out.substr(before.out.find("head ") + 5, 64);
    CliResult received = Master({"--format", "json", "receive", File("l.pkt")});
    REQUIRE(received.code == 0);
    REQUIRE(json::parse(received.out)[0]["applied"] == 3);
    first = Count(czt.db, "SELECT min(id) FROM journal WHERE packet_id IS NOT NULL");
  }
  // Raw SQL, as with the sqlite3 tool, then `verify`, which must find the break: its output.
  std::string TamperAndVerify(const std::string& sql) const {
    SQLite::Database(czt.db, SQLite::OPEN_READWRITE).exec(sql);
    CliResult verify = Master({"verify"});
    CHECK(verify.code == 1);
    return verify.out;
  }
  // How verify's first line names journal row `id`.
  static std::string Broken(int64_t id) {
    return "record does not match: journal row " + std::to_string(id);
  }
  std::string Uid(int64_t journal_id) const {
    SQLite::Database raw(czt.db, SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT uid FROM journal WHERE id = " + std::to_string(journal_id))
        .getString();
  }
  int64_t first = 0;        // the run's first journal row; the run is first .. first + 2
  std::string head_before;  // N:HASH, as verify printed it before the receive
};

}  // namespace

TEST_CASE("offices: a received packet's records share one seal and verify intact",
          "[cli][offices][verify]") {
  ThreeReceived offices;
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM record_seal WHERE records > 1") == 1);
  CHECK(offices.Count(offices.czt.db, "SELECT journal_id FROM record_seal WHERE records = 3") ==
        offices.first + 2);
  for (int64_t id = offices.first; id < offices.first + 2; ++id) {
    CHECK(offices.Count(offices.czt.db, ("SELECT count(*) FROM record_seal WHERE journal_id = " +
                                         std::to_string(id))
                                            .c_str()) == 0);
  }
  CliResult verify = offices.Master({"verify"});
  CHECK(verify.code == 0);
  // Every record counts, each sealed alone or in its run: the receive's own journal row too.
  const int64_t records = offices.Count(offices.czt.db, "SELECT count(*) FROM journal");
  CHECK_THAT(verify.out, Catch::StartsWith(std::to_string(records) + " records, head "));
  json status = json::parse(offices.Master({"--format", "json", "status"}).out);
  CHECK(status["record"]["count"] == records);
  // A head kept from before the receive still proves the file extends it: the chain is the
  // same link by link, only fewer links are stored.
  CHECK(offices.Master({"verify", "--head", offices.head_before}).code == 0);
}

TEST_CASE("offices: verify names a received record edited inside its run",
          "[cli][offices][verify]") {
  ThreeReceived offices;
  const int64_t middle = offices.first + 1;
  const std::string out = offices.TamperAndVerify(
      "DROP TRIGGER progress_log_no_update; UPDATE progress_log SET note = 'changed' "
      "WHERE journal_id = " +
      std::to_string(middle));
  CHECK_THAT(out, Catch::StartsWith(offices.Broken(middle) + " (record " + offices.Uid(middle)));
  CHECK_THAT(out, Catch::Contains("changed after it was received"));
}

TEST_CASE("offices: verify finds a run's seal, or a record inside the run, removed",
          "[cli][offices][verify]") {
  ThreeReceived offices;
  const std::string middle = std::to_string(offices.first + 1);
  SECTION("the run's seal") {
    const std::string out = offices.TamperAndVerify(
        "DROP TRIGGER record_seal_no_delete; DELETE FROM record_seal WHERE records > 1");
    CHECK_THAT(out, Catch::StartsWith(offices.Broken(offices.first) + " (record " +
                                      offices.Uid(offices.first)));
    CHECK_THAT(out, Catch::Contains("it has no seal"));
  }
  SECTION("a record and its rows") {
    const std::string out = offices.TamperAndVerify(
        "DROP TRIGGER progress_log_no_delete; DROP TRIGGER journal_no_delete; "
        "DELETE FROM progress_log WHERE journal_id = " +
        middle + "; DELETE FROM journal WHERE id = " + middle);
    CHECK_THAT(out, Catch::StartsWith(offices.Broken(offices.first + 2)));
    CHECK_THAT(out, Catch::Contains("the run of 3 records ending with it"));
  }
  SECTION("a journal row alone") {
    const std::string out = offices.TamperAndVerify(
        "DROP TRIGGER journal_no_delete; PRAGMA foreign_keys = OFF; DELETE FROM journal WHERE id "
        "= " +
        middle);
    CHECK_THAT(out, Catch::StartsWith(offices.Broken(offices.first + 1) +
                                      ": the journal row was removed (the seal of its run"));
  }
}
