// What a receiver writes without the schema's CHECKs (a received record's journal row and
// entries, store/receiver.h) has been through the same rules first: a validly signed packet
// carrying a row that breaks one is refused whole. And a packet of more records than a batch
// holds is received whole, in order, and verifies.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/offices_support.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::Offices;

namespace {

struct Tampered {
  const char* what;
  std::string uid, logged_on, recorded_at;
  int percent;
  std::string status, note;
  const char* named;  // what the refusal must name
};

// Writes one entry on liling's replica behind plantrack's back, with the CHECKs off (as a
// tampered file or another program could), so that `send` signs it like any other.
void WriteBehindItsBack(const Offices& offices, const Tampered& row) {
  SQLite::Database raw(offices.Db("liling"), SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA ignore_check_constraints = ON");
  SQLite::Statement journal(raw, R"sql(
    INSERT INTO journal (unit_id, recorded_at, command, kind, action_id, uid)
    SELECT u.id, ?1, 'plantrack log T3.09', 'log', a.id, ?2 FROM unit u, action a
     WHERE u.slug = 'liling' AND a.code = 'T3.09'
  )sql");
  journal.bind(1, row.recorded_at);
  journal.bind(2, row.uid);
  REQUIRE(journal.exec() == 1);
  SQLite::Statement entry(raw, R"sql(
    INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, note,
                              journal_id)
    SELECT action_id, unit_id, ?1, ?2, ?3, ?4, ?5, id FROM journal WHERE uid = ?6
  )sql");
  entry.bind(1, row.logged_on);
  entry.bind(2, row.recorded_at);
  entry.bind(3, row.percent);
  entry.bind(4, row.status);
  entry.bind(5, row.note);
  entry.bind(6, row.uid);
  REQUIRE(entry.exec() == 1);
}

}  // namespace

TEST_CASE("offices: a signed entry that breaks a rule the CHECKs state is refused whole",
          "[cli][offices]") {
  const std::string uid = "6740d2c0aaaabbbbccccddddeeeeffff";
  const std::string at = "2026-11-20T08:00:00Z";
  const Tampered cases[] = {
      {"no such day", uid, "2026-02-30", at, 85, "on-track", "", "2026-02-30"},
      {"no such hour", uid, "2026-11-21", "2026-11-21T25:00:00Z", 85, "on-track", "",
       "2026-11-21T25:00:00Z"},
      {"percent past 100", uid, "2026-11-21", at, 101, "on-track", "", "percent"},
      {"done short of 100", uid, "2026-11-21", at, 60, "done", "", "100"},
      {"unknown status", uid, "2026-11-21", at, 85, "finished", "", "finished"},
      {"a note past 2,000 characters", uid, "2026-11-21", at, 85, "on-track",
       std::string(2001 * 3, '\0'), "2000"},
      {"an id in capitals", "6740D2C0AAAABBBBCCCCDDDDEEEEFFFF", "2026-11-21", at, 85, "on-track",
       "", "6740D2C0AAAABBBBCCCCDDDDEEEEFFFF"},
  };
  for (const Tampered& tampered : cases) {
    DYNAMIC_SECTION(tampered.what) {
      Tampered row = tampered;
      if (!row.note.empty()) {
        row.note.clear();
        for (int i = 0; i < 2001; ++i) row.note += "\xe8\xbf\x9b";  // 进
      }
      Offices offices;
      // A good record first, so the bad one is not the packet's first.
      REQUIRE(offices.Office("liling", {"log", "T3.09", "--percent", "80", "--on", "2026-11-20"})
                  .code == 0);
      WriteBehindItsBack(offices, row);
      REQUIRE(offices.Send("liling", "l.pkt").code == 0);
      const int64_t journal = offices.Count(offices.czt.db, "SELECT count(*) FROM journal");
      CliResult received = offices.Master({"receive", offices.File("l.pkt")});
      CHECK(received.code == 65);
      CHECK_THAT(received.err, Catch::Contains(offices.File("l.pkt")));
      CHECK_THAT(received.err, Catch::Contains(row.named));
      CHECK(received.err.find('\n') == received.err.size() - 1);
      CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM journal") == journal);
    }
  }
}

TEST_CASE("offices: a packet of more records than a batch is received whole and verifies",
          "[cli][offices]") {
  Offices offices;
  const int records = 70;  // more than one batch of 64 journal rows and entries
  // Liling's two actions, T3.07 (52 % on 2026-09-21) and T3.09 (76 % on 2026-09-22): one entry
  // a day on each from the next day on, rising slowly.
  const std::chrono::sys_days first = std::chrono::year{2026} / 9 / 23;
  for (int n = 0; n < records; ++n) {
    const std::chrono::year_month_day on{first + std::chrono::days{n / 2}};
    const std::string day =
        fmt::format("{}-{:02}-{:02}", static_cast<int>(on.year()),
                    static_cast<unsigned>(on.month()), static_cast<unsigned>(on.day()));
    const bool t309 = n % 2 == 1;
    const std::string percent = std::to_string((t309 ? 77 : 53) + n / 8);
    REQUIRE(
        offices
            .Office("liling", {"log", t309 ? "T3.09" : "T3.07", "--percent", percent, "--on", day})
            .code == 0);
  }
  REQUIRE(offices.Send("liling", "l.pkt").code == 0);
  CliResult received = offices.Master({"--format", "json", "receive", offices.File("l.pkt")});
  REQUIRE(received.code == 0);
  CHECK(json::parse(received.out)[0]["applied"] == records);
  // Consecutive journal ids, each with its entry, sealed as one run.
  CHECK(offices.Count(offices.czt.db,
                      "SELECT max(id) - min(id) + 1 FROM journal WHERE packet_id IS NOT NULL") ==
        records);
  CHECK(offices.Count(offices.czt.db,
                      "SELECT count(*) FROM progress_log p JOIN journal j ON j.id = p.journal_id "
                      "WHERE j.packet_id IS NOT NULL AND p.unit_id = j.unit_id") == records);
  CHECK(offices.Count(offices.czt.db, "SELECT max(records) FROM record_seal") == records);
  CHECK(offices.Master({"verify"}).code == 0);
  // Received again: known by its hash, nothing added.
  const int64_t journal = offices.Count(offices.czt.db, "SELECT count(*) FROM journal");
  CliResult again = offices.Master({"--format", "json", "receive", offices.File("l.pkt")});
  REQUIRE(again.code == 0);
  CHECK(json::parse(again.out)[0]["already_received"] == true);
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM journal") == journal);
}
