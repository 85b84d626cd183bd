// A conflict is kept and settled on the master; its settlement is one of the master's records,
// so the next publish carries it to every replica, the office that sent the record included.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/offices_support.h"
#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::ListingRows;
using plantrack::testing::Offices;

TEST_CASE("offices: the master's settlement of a conflict reaches the replicas, which verify",
          "[cli][offices]") {
  const std::string decision = GENERATE("accept", "reject");
  Offices offices;
  offices.LogAndSend("liling", "T3.07", "60", "2026-11-20", "l.pkt");
  REQUIRE(offices.Master({"unassign", "T3.07", "liling"}).code == 0);
  REQUIRE(offices.Master({"receive", offices.File("l.pkt")}).code == 0);
  REQUIRE(offices.Master({"conflicts", decision, "1", "--reason", "checked with Liling"}).code ==
          0);
  REQUIRE(
      offices
          .Master({"publish", "--out", offices.File("p2.pkt"), "--key", offices.Key("hunan-drc")})
          .code == 0);
  const std::string state = decision == "accept" ? "accepted" : "rejected";
  for (const char* unit : {"liling", "xiangtan"}) {
    INFO(unit);
    CliResult back = offices.Office(unit, {"receive", offices.File("p2.pkt")});
    INFO(back.err);
    REQUIRE(back.code == 0);
    CHECK(offices.Office(unit, {"verify"}).code == 0);
    json conflicts = ListingRows(offices.Office(unit, {"--format", "json", "conflicts"}).out);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0]["state"] == state);
    CHECK(conflicts[0]["settled_by"] == "hunan-drc");
    // The same packet again adds nothing.
    CHECK(offices.Office(unit, {"receive", offices.File("p2.pkt")}).code == 0);
    CHECK(offices.Count(offices.Db(unit), "SELECT count(*) FROM conflict") == 1);
  }
  // Another office has the entry exactly when the master accepted it.
  CHECK(offices.Status(offices.Db("xiangtan")) == offices.Status(offices.czt.db));
  if (decision == "accept") {
    CHECK(offices.Status(offices.Db("liling")) == offices.Status(offices.czt.db));
  }
}
