// What a received record leaves behind on the master: its provenance in `history`, an open
// conflict among `audit`'s findings, the record's footer on the offices' listings, a completion
// received once, and nothing lost when `receive` and `log` write at the same time.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/offices_support.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::ListingRows;
using plantrack::testing::Offices;
using plantrack::testing::RunCli;

namespace {

// Liling logs T3.09 on its replica and sends it; the master receives it. Returns the packet's
// hash as `receive` reports it.
std::string LilingSendsOneEntry(const Offices& offices) {
  return offices.LogSentAndReceived("liling", "T3.09", "80", "2026-11-20", "l.pkt")["hash"]
      .get<std::string>();
}

// The last line of what a command printed.
std::string LastLine(const std::string& out) {
  const size_t end = out.find_last_not_of('\n');
  const size_t start = out.rfind('\n', end);
  return out.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

}  // namespace

TEST_CASE("offices: history names the packet a received record came in and when",
          "[cli][offices]") {
  Offices offices;
  const std::string hash = LilingSendsOneEntry(offices);
  REQUIRE(hash.size() == 64);
  json rows = offices.czt.History("T3.09");
  json received, local;
  for (const json& row : rows) {
    if (row["event"] == "log" && row["on"] == "2026-11-20") received = row;
    if (row["event"] == "log" && row["on"] != "2026-11-20") local = row;
  }
  REQUIRE(received.is_object());
  CHECK(received["unit"] == "liling");
  CHECK(received["packet"] == hash);
  CHECK(received["received_at"] == "2026-11-28T10:00:00Z");
  // An entry written on the master itself came in no packet.
  REQUIRE(local.is_object());
  CHECK(local["packet"].is_null());
  CHECK(local["received_at"].is_null());
  // People see the hash's first 12 digits, as `receive` prints it.
  for (const char* format : {"table", "md"}) {
    INFO(format);
    CliResult shown = offices.czt.Run({"--wide", "--format", format, "history", "T3.09"});
    REQUIRE(shown.code == 0);
    CHECK(shown.out.find(hash.substr(0, 12)) != std::string::npos);
    CHECK(shown.out.find(hash) == std::string::npos);
    CHECK(shown.out.find("2026-11-28T10:00:00Z") != std::string::npos);
  }
  // The journal records the receive itself, naming the packet.
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM journal WHERE kind = 'receive'") == 1);
  const std::string named =
      "SELECT count(*) FROM journal WHERE kind = 'receive' AND instr(detail, '" + hash + "') > 0";
  CHECK(offices.Count(offices.czt.db, named.c_str()) == 1);
}

TEST_CASE("offices: audit lists an open conflict as a finding until it is settled",
          "[cli][offices][audit]") {
  Offices offices;
  offices.LogAndSend("liling", "T3.07", "60", "2026-11-20", "l.pkt");
  REQUIRE(offices.Master({"unassign", "T3.07", "liling"}).code == 0);
  REQUIRE(offices.Master({"receive", offices.File("l.pkt")}).code == 0);

  auto conflict_findings = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"--format", "json", "audit"};
    args.insert(args.end(), extra.begin(), extra.end());
    const json audit = json::parse(offices.czt.Run(args).out);
    json found = json::array();
    for (const json& finding : audit["findings"]) {
      if (finding["kind"] == "conflict") found.push_back(finding);
    }
    return found;
  };
  json found = conflict_findings({});
  REQUIRE(found.size() == 1);
  CHECK(found[0]["unit"] == "liling");
  CHECK(found[0]["action"] == "#1");
  CHECK(found[0]["detail"].get<std::string>().find("no longer responsible") != std::string::npos);
  CHECK(conflict_findings({"--unit", "liling"}).size() == 1);
  CHECK(conflict_findings({"--unit", "xiangtan"}).empty());
  // Before it was received, there was nothing to settle.
  CHECK(conflict_findings({"--as-of", "2026-11-27"}).empty());
  for (const char* format : {"table", "md", "csv"}) {
    INFO(format);
    CliResult shown = offices.czt.Run({"--wide", "--format", format, "audit"});
    CHECK(shown.out.find("#1") != std::string::npos);
    CHECK(shown.out.find("conflicts accept") != std::string::npos);
  }
  // It counts as a finding for --fail-on.
  CHECK(offices.czt.Run({"audit", "--unit", "liling", "--fail-on", "findings"}).code == 1);

  REQUIRE(offices.Master({"conflicts", "reject", "1", "--reason", "entered twice"}).code == 0);
  CHECK(conflict_findings({}).empty());
}

TEST_CASE("offices: conflicts and key list end with the record like other listings",
          "[cli][offices]") {
  Offices offices;
  const std::string footer = LastLine(offices.czt.Run({"areas"}).out);
  REQUIRE(footer.rfind("record ", 0) == 0);
  for (const char* command : {"conflicts", "key"}) {
    INFO(command);
    std::vector<std::string> args{command};
    if (std::string(command) == "key") args.push_back("list");
    CliResult table = offices.Master(args);
    REQUIRE(table.code == 0);
    CHECK(LastLine(table.out) == footer);
    args.insert(args.begin(), {"--format", "json"});
    CliResult machine = offices.Master(args);
    REQUIRE(machine.code == 0);
    const json parsed = json::parse(machine.out);
    CHECK(parsed["rows"].is_array());
    CHECK(footer.find(parsed["record"]["head"].get<std::string>().substr(0, 12)) !=
          std::string::npos);
    // CSV is for programs: rows only.
    args[1] = "csv";
    CHECK(offices.Master(args).out.find("record ") == std::string::npos);
  }
}

TEST_CASE("offices: a milestone completed on a replica is completed on the master once",
          "[cli][offices]") {
  Offices offices;
  REQUIRE(offices.Office("liling", {"done", "T3.09-M2", "--on", "2026-11-20"}).code == 0);
  REQUIRE(offices.Send("liling", "l1.pkt").code == 0);
  CliResult received = offices.Master({"--format", "json", "receive", offices.File("l1.pkt")});
  REQUIRE(received.code == 0);
  CHECK(ListingRows(received.out)[0]["applied"] == 1);
  const char* done_on = "SELECT coalesce(done_on, '') FROM milestone WHERE code = 'T3.09-M2'";
  {
    SQLite::Database raw(offices.czt.db);
    CHECK(raw.execAndGet(done_on).getString() == "2026-11-20");
  }
  CHECK(offices.czt.Run({"verify"}).code == 0);
  // The same packet again, and the completion again in a later packet with a new entry: the
  // completion is found present, only the entry is added.
  CHECK(offices.Master({"receive", offices.File("l1.pkt")}).code == 0);
  const json again = offices.LogSentAndReceived("liling", "T3.09", "85", "2026-11-21", "l2.pkt");
  CHECK(again["applied"] == 1);
  CHECK(again["present"] == 1);
  CHECK(offices.Count(offices.czt.db,
                      "SELECT count(*) FROM milestone_event e JOIN milestone m "
                      "ON m.id = e.milestone_id WHERE m.code = 'T3.09-M2'") == 1);
  CHECK(offices.czt.Run({"verify"}).code == 0);
}

TEST_CASE("offices: receive and log on the master at the same time lose nothing",
          "[cli][offices]") {
  Offices offices;
  constexpr int kEntries = 12;
  for (int i = 0; i < kEntries; ++i) {
    const std::string on = "2026-11-" + std::to_string(10 + i);
    REQUIRE(
        offices.Office("liling", {"log", "T3.09", "--percent", std::to_string(77 + i), "--on", on})
            .code == 0);
  }
  REQUIRE(offices.Send("liling", "l.pkt").code == 0);
  const int64_t before = offices.Count(offices.czt.db, "SELECT count(*) FROM progress_log");
  // Both writers take the write lock with BEGIN IMMEDIATE and wait for it; a long wait is
  // allowed so that a slow machine does not turn waiting into a failure.
  plantrack::cli::Environment env = plantrack::testing::TestEnvironment();
  env.busy_timeout_ms = 60'000;
  CliResult receive_result;
  std::vector<int> log_codes;
  std::thread receiver([&] {
    receive_result = RunCli({"--db", offices.czt.db, "--as", "hunan-drc", "--format", "json",
                             "receive", offices.File("l.pkt")},
                            env);
  });
  std::thread logger([&] {
    for (int i = 0; i < kEntries; ++i) {
      const std::string on = "2026-11-" + std::to_string(10 + i);
      log_codes.push_back(RunCli({"--db", offices.czt.db, "--as", "xiangtan", "log", "T1.07",
                                  "--percent", std::to_string(80 + i), "--on", on},
                                 env)
                              .code);
    }
  });
  receiver.join();
  logger.join();
  REQUIRE(receive_result.code == 0);
  CHECK(ListingRows(receive_result.out)[0]["applied"] == kEntries);
  CHECK(log_codes == std::vector<int>(kEntries, 0));
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM progress_log") ==
        before + 2 * kEntries);
  CHECK(offices.Count(offices.czt.db,
                      "SELECT count(*) FROM progress_log p JOIN unit u ON u.id = p.unit_id "
                      "JOIN journal j ON j.id = p.journal_id "
                      "WHERE u.slug = 'liling' AND j.packet_id IS NOT NULL") == kEntries);
  CHECK(offices.czt.Run({"verify"}).code == 0);
}
