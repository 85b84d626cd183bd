// The office round trip of the README, end to end in-process: a master and two replicas,
// records each way, and the faults a packet can carry.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/offices_support.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::CztFile;
using plantrack::testing::ReadFile;
using plantrack::testing::RunCli;

using plantrack::testing::Offices;

TEST_CASE("offices: one round trip each way leaves three identical files", "[cli][offices]") {
  Offices offices;
  REQUIRE(offices
              .Office("liling", {"log", "T3.09", "--percent", "80", "--on", "2026-11-20", "--note",
                                 "kiln line 3 commissioned"})
              .code == 0);
  REQUIRE(offices.Send("liling", "l.pkt").code == 0);
  offices.LogAndSend("xiangtan", "T1.07", "90", "2026-11-25", "x.pkt");
  CliResult received =
      offices.Master({"--format", "json", "receive", offices.File("l.pkt"), offices.File("x.pkt")});
  REQUIRE(received.code == 0);
  CHECK(json::parse(received.out)[0]["applied"] == 1);
  CHECK(json::parse(received.out)[1]["applied"] == 1);
  // The same packet again adds nothing.
  CHECK(offices.Master({"receive", offices.File("l.pkt")}).code == 0);
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM progress_log") == 662);

  REQUIRE(
      offices
          .Master({"publish", "--out", offices.File("p2.pkt"), "--key", offices.Key("hunan-drc")})
          .code == 0);
  for (const char* unit : {"liling", "xiangtan"}) {
    CliResult back = offices.Office(unit, {"--format", "json", "receive", offices.File("p2.pkt")});
    REQUIRE(back.code == 0);
    CHECK(json::parse(back.out)[0]["acknowledged"] == 1);
  }
  const std::string master = offices.Status(offices.czt.db);
  CHECK(offices.Status(offices.Db("liling")) == master);
  CHECK(offices.Status(offices.Db("xiangtan")) == master);
  // Acknowledged records are not sent again.
  CliResult again =
      offices.Office("liling", {"--format", "json", "send", "--out", offices.File("l2.pkt"),
                                "--key", offices.Key("liling")});
  REQUIRE(again.code == 0);
  CHECK(json::parse(again.out)["records"] == 0);
  // Provenance: the master knows which packet brought liling's entry.
  CHECK(offices.Count(offices.czt.db,
                      "SELECT count(*) FROM journal j JOIN packet p ON p.id = j.packet_id "
                      "WHERE j.kind = 'log' AND p.kind = 'send'") == 2);
}

TEST_CASE("offices: a record that collides is kept as a conflict until settled", "[cli][offices]") {
  Offices offices;
  offices.LogAndSend("liling", "T3.07", "60", "2026-11-20", "l.pkt");
  // Meanwhile the master took liling off T3.07.
  REQUIRE(offices.Master({"unassign", "T3.07", "liling"}).code == 0);
  CliResult received = offices.Master({"--format", "json", "receive", offices.File("l.pkt")});
  REQUIRE(received.code == 0);
  CHECK(json::parse(received.out)[0]["conflicts"] == 1);
  CliResult listed = offices.Master({"--format", "json", "conflicts"});
  REQUIRE(listed.code == 0);
  json conflicts = plantrack::testing::ListingRows(listed.out);
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]["state"] == "open");
  CHECK(conflicts[0]["reason"].get<std::string>().find("no longer responsible") !=
        std::string::npos);
  const int64_t before = offices.Count(offices.czt.db, "SELECT count(*) FROM progress_log");
  CHECK(offices.Master({"conflicts", "accept", "1"}).code == 64);  // no reason
  CHECK(offices.Office("liling", {"conflicts", "accept", "1", "--reason", "x"}).code == 65);
  REQUIRE(offices.Master({"conflicts", "accept", "1", "--reason", "agreed by phone"}).code == 0);
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM progress_log") == before + 1);
  CHECK(offices.Master({"conflicts", "reject", "1", "--reason", "twice"}).code == 65);
  // Received again, the accepted record is present, not a second conflict.
  CHECK(offices.Master({"receive", offices.File("l.pkt")}).code == 0);
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM conflict") == 1);
}

TEST_CASE("offices: a damaged, foreign or replayed packet is refused and changes nothing",
          "[cli][offices]") {
  Offices offices;
  offices.LogAndSend("liling", "T3.09", "80", "2026-11-20", "l.pkt");
  const std::string packet = ReadFile(offices.File("l.pkt"));
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(offices.File(name), std::ios::binary) << bytes;
    return offices.File(name);
  };
  const int64_t journal = offices.Count(offices.czt.db, "SELECT count(*) FROM journal");
  std::string flipped = packet;
  flipped[packet.find("80")] = '9';  // 90 %, under the same signature
  std::string header_flipped = packet;
  header_flipped[packet.rfind("\"records\":1") + 10] = '2';
  struct Case {
    const char* what;
    std::string path;
  } cases[] = {
      {"a changed percent", write("flip.pkt", flipped)},
      {"a changed header", write("head.pkt", header_flipped)},
      {"truncated", write("cut.pkt", packet.substr(0, packet.size() / 2))},
      {"empty", write("empty.pkt", "")},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CliResult result = offices.Master({"receive", c.path});
    CHECK(result.code == 65);
    CHECK(result.err.find(c.path) != std::string::npos);
  }
  CHECK(offices.Master({"receive", offices.File("missing.pkt")}).code == 66);
  CHECK(offices.Count(offices.czt.db, "SELECT count(*) FROM journal") == journal);

  // An old published packet replayed to a replica that holds a newer one.
  REQUIRE(
      offices
          .Master({"publish", "--out", offices.File("p2.pkt"), "--key", offices.Key("hunan-drc")})
          .code == 0);
  REQUIRE(offices.Office("xiangtan", {"receive", offices.File("p2.pkt")}).code == 0);
  REQUIRE(
      offices
          .Master({"publish", "--out", offices.File("p3.pkt"), "--key", offices.Key("hunan-drc")})
          .code == 0);
  REQUIRE(offices.Office("liling", {"receive", offices.File("p3.pkt")}).code == 0);
  CliResult replayed = offices.Office("liling", {"receive", offices.File("p2.pkt")});
  CHECK(replayed.code == 65);
  CHECK(replayed.err.find("older") != std::string::npos);
  // Replicas receive only published packets; the master only sent ones.
  CHECK(offices.Office("xiangtan", {"receive", offices.File("l.pkt")}).code == 65);
  CHECK(offices.Master({"receive", offices.File("p2.pkt")}).code == 65);
}

TEST_CASE("offices: keys are private files, registered to one unit", "[cli][offices]") {
  Offices offices;
  std::filesystem::permissions(offices.Key("liling"), std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  CliResult loose = offices.Send("liling", "l.pkt");
  CHECK(loose.code == 65);
  CHECK(loose.err.find("chmod 600") != std::string::npos);
  std::ofstream(offices.File("junk.key")) << "not a key\n";
  std::filesystem::permissions(offices.File("junk.key"), std::filesystem::perms::owner_read,
                               std::filesystem::perm_options::replace);
  CHECK(offices
            .Office("liling",
                    {"send", "--out", offices.File("l.pkt"), "--key", offices.File("junk.key")})
            .code == 65);
  // Signing with another unit's key is refused.
  CliResult other = offices.Office(
      "liling", {"send", "--out", offices.File("l.pkt"), "--key", offices.Key("xiangtan")});
  CHECK(other.code == 65);
  CHECK(other.err.find("not registered for liling") != std::string::npos);
  CHECK(RunCli({"key", "new", "--out", offices.Key("xiangtan")}).code == 73);
  // Structure commands are the master's.
  CHECK(offices
            .Office("liling",
                    {"--as", "hunan-drc", "assign", "T3.09", "xiangtan", "--role", "support"})
            .code == 65);
}

TEST_CASE("offices: sign-off travels, and a lock on the master keeps a late entry as a conflict",
          "[cli][offices]") {
  Offices offices;
  // Liling submits its third quarter on its own machine; the master learns it by packet.
  REQUIRE(offices.Office("liling", {"submit", "2026Q3"}).code == 0);
  REQUIRE(offices.Send("liling", "l1.pkt").code == 0);
  REQUIRE(offices.Master({"receive", offices.File("l1.pkt")}).code == 0);
  CliResult approvals = RunCli({"--db", offices.czt.db, "--format", "json", "approvals", "--period",
                                "2026Q3", "--unit", "liling"});
  REQUIRE(approvals.code == 0);
  const json listing = json::parse(approvals.out);
  REQUIRE(listing["rows"].size() == 1);
  CHECK(listing["rows"][0]["state"] == "submitted");

  // Zhuzhou approves on the master, which locks the quarter; an entry Liling backdates into it
  // meanwhile arrives as a conflict, not as a change to an approved quarter.
  REQUIRE(RunCli({"--db", offices.czt.db, "--as", "zhuzhou", "approve", "liling", "2026Q3"}).code ==
          0);
  CHECK(offices.LogSentAndReceived("liling", "T3.09", "78", "2026-09-28", "l2.pkt")["conflicts"] ==
        1);
  CliResult conflicts = offices.Master({"conflicts"});
  CHECK(conflicts.out.find("period lock") != std::string::npos);
}
