// submit, approve, reopen and approvals on the CZT data, as of the test clock (2026-11-28):
// the order of a round, who may do each step, and what the listings show.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

using nlohmann::json;
using plantrack::testing::CliResult;
using plantrack::testing::RunCli;

namespace {

struct Round : plantrack::testing::CztFile {
  CliResult As(const std::string& unit, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--as", unit});
    return RunCli(args);
  }
  void Ok(const std::string& unit, std::vector<std::string> args) {
    CliResult result = As(unit, std::move(args));
    INFO(result.err);
    REQUIRE(result.code == 0);
  }
  // The state of each unit for 2026Q3, by slug.
  std::map<std::string, json> Approvals(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--db",      db,         "--format", "json",
                                  "approvals", "--period", "2026Q3"};
    args.insert(args.end(), extra.begin(), extra.end());
    CliResult result = RunCli(args);
    REQUIRE(result.code == 0);
    std::map<std::string, json> rows;
    const json listing = json::parse(result.out);
    for (const json& row : listing["rows"]) rows[row["unit"]] = row;
    return rows;
  }
};

}  // namespace

TEST_CASE("signoff: the round, bottom-up, and reopening top-down", "[cli][signoff]") {
  Round czt;
  czt.Ok("liling", {"submit", "2026Q3"});
  CHECK(czt.Approvals()["liling"]["state"] == "submitted");
  czt.Ok("zhuzhou", {"approve", "liling", "2026Q3"});
  czt.Ok("zhuzhou", {"submit", "2026Q3"});
  czt.Ok("hunan", {"approve", "zhuzhou", "2026Q3"});
  auto states = czt.Approvals({"--unit", "zhuzhou"});
  REQUIRE(states.size() == 2);
  CHECK(states["liling"]["state"] == "approved");
  CHECK(states["liling"]["by"] == "zhuzhou");
  CHECK(states["zhuzhou"]["state"] == "approved");
  CHECK(states["zhuzhou"]["by"] == "hunan");
  CHECK(states["zhuzhou"]["recorded_at"] == "2026-11-28T10:00:00Z");

  // Reopening out of order: Liling's approval stays while Zhuzhou's stands.
  auto early = czt.As("zhuzhou", {"reopen", "liling", "2026Q3", "--reason", "figures wrong"});
  CHECK(early.code == 65);
  CHECK_THAT(early.err, Catch::Contains("while the approval of zhuzhou for 2026Q3 stands"));
  auto not_approver = czt.As("changsha", {"reopen", "zhuzhou", "2026Q3", "--reason", "x"});
  CHECK(not_approver.code == 65);
  CHECK_THAT(not_approver.err, Catch::Contains("only its approver hunan"));
  CHECK(czt.As("hunan", {"reopen", "zhuzhou", "2026Q3"}).code == 64);  // --reason is required
  czt.Ok("hunan", {"reopen", "zhuzhou", "2026Q3", "--reason", "Liling's rail figures"});
  czt.Ok("zhuzhou", {"reopen", "liling", "2026Q3", "--reason", "rail figures"});
  states = czt.Approvals();
  CHECK(states["liling"]["state"] == "reopened");
  CHECK(states["liling"]["note"] == "rail figures");
  CHECK(states["zhuzhou"]["state"] == "reopened");
  // Reopened, Liling may submit again.
  czt.Ok("liling", {"submit", "2026Q3"});
}

TEST_CASE("signoff: approving oneself, without a submission, or out of order is refused",
          "[cli][signoff]") {
  Round czt;
  auto unsubmitted = czt.As("zhuzhou", {"approve", "liling", "2026Q3"});
  CHECK(unsubmitted.code == 65);
  CHECK_THAT(unsubmitted.err, Catch::Contains("liling has not submitted 2026Q3"));
  czt.Ok("liling", {"submit", "2026Q3"});
  auto self = czt.As("liling", {"approve", "liling", "2026Q3"});
  CHECK(self.code == 65);
  CHECK_THAT(self.err, Catch::Contains("liling may not approve its own report"));
  auto sibling = czt.As("changsha", {"approve", "liling", "2026Q3"});
  CHECK(sibling.code == 65);
  CHECK_THAT(sibling.err, Catch::Contains("changsha may not approve liling"));
  czt.Ok("zhuzhou", {"submit", "2026Q3"});
  auto out_of_order = czt.As("hunan", {"approve", "zhuzhou", "2026Q3"});
  CHECK(out_of_order.code == 65);
  CHECK_THAT(out_of_order.err, Catch::Contains("liling not approved"));
  auto again = czt.As("liling", {"submit", "2026Q3"});
  CHECK(again.code == 65);
  CHECK_THAT(again.err, Catch::Contains("already submitted"));
  // A coordinator may approve anywhere, but not before the units below.
  czt.Ok("hunan-drc", {"approve", "liling", "2026Q3"});
  czt.Ok("hunan-drc", {"approve", "zhuzhou", "2026Q3"});
  CHECK(czt.As("hunan", {"approve", "zhuzhou", "2026Q3"}).code == 65);  // already approved
  CHECK(czt.As("hunan", {"approve", "liling", "2026Q9"}).code == 64);
  CHECK(czt.As("hunan", {"approve", "lilin", "2026Q3"}).code == 65);
}

TEST_CASE("signoff: submit is refused while led actions have no entry, unless --partial",
          "[cli][signoff]") {
  Round czt;
  auto refused = czt.As("shaoshan", {"submit", "2026Q2"});
  CHECK(refused.code == 65);
  CHECK_THAT(refused.err, Catch::Contains("shaoshan cannot submit 2026Q2"));
  CHECK_THAT(refused.err, Catch::Contains("T5.06"));
  CHECK(czt.As("shaoshan", {"submit", "2026Q2", "--partial"}).code == 64);  // needs a note
  czt.Ok("shaoshan", {"submit", "2026Q2", "--partial", "--note", "survey delayed"});
  auto rows = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "approvals", "--period", "2026Q2"}).out)["rows"];
  bool found = false;
  for (const json& row : rows) {
    if (row["unit"] != "shaoshan") continue;
    found = true;
    CHECK(row["state"] == "submitted");
    CHECK(row["partial"] == "yes");
    CHECK(row["note"] == "survey delayed");
  }
  CHECK(found);
  auto running = czt.As("liling", {"submit", "2026Q4"});
  CHECK(running.code == 65);
  CHECK_THAT(running.err, Catch::Contains("2026Q4 is still running"));
  CHECK_THAT(czt.As("liling", {"submit", "2027Q1"}).err, Catch::Contains("in the future"));
  CHECK(RunCli({"--db", czt.db, "submit", "2026Q3"}).code == 64);  // who is submitting?
}

TEST_CASE("signoff: approvals lists worst first, in every format", "[cli][signoff]") {
  Round czt;
  czt.Ok("liling", {"submit", "2026Q3"});
  czt.Ok("zhuzhou", {"approve", "liling", "2026Q3"});
  czt.Ok("xiangtan", {"submit", "2026Q3"});
  auto rows = json::parse(RunCli({"--db", czt.db, "--format", "json", "approvals"}).out)["rows"];
  REQUIRE(rows.size() > 3);
  CHECK(rows[0]["state"] == "not-submitted");
  CHECK(rows[rows.size() - 2]["unit"] == "xiangtan");
  CHECK(rows.back()["unit"] == "liling");
  CHECK(rows.back()["state"] == "approved");
  CHECK(rows.back()["period"] == "2026Q3");  // the last complete quarter by default
  auto csv = RunCli({"--db", czt.db, "--format", "csv", "approvals"});
  CHECK_THAT(csv.out, Catch::StartsWith("unit,period,state,by,recorded_at,partial,note"));
  CHECK_THAT(csv.out, Catch::Contains("liling,2026Q3,approved,zhuzhou,2026-11-28T10:00:00Z,no,"));
  auto md = RunCli({"--db", czt.db, "--format", "md", "approvals"});
  CHECK_THAT(md.out, Catch::Contains("| liling | 2026Q3 | approved | zhuzhou |"));
  auto table = RunCli({"--db", czt.db, "approvals", "--unit", "xiangtan"});
  CHECK_THAT(table.out, Catch::Contains("UNIT"));
  CHECK_THAT(table.out, Catch::Contains("shaoshan"));
  CHECK(table.out.find("liling") == std::string::npos);
  // As of a day before the round, nothing was submitted.
  auto before = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "--as-of", "2026-11-27", "approvals"}).out);
  for (const json& row : before["rows"]) CHECK(row["state"] == "not-submitted");
  CHECK(RunCli({"--db", czt.db, "approvals", "--period", "2026Q5"}).code == 64);
}

TEST_CASE("signoff: history, audit and the HTML report show the sign-off", "[cli][signoff]") {
  Round czt;
  czt.Ok("liling", {"submit", "2026Q3"});
  czt.Ok("zhuzhou", {"approve", "liling", "2026Q3"});
  auto history = RunCli({"--db", czt.db, "--format", "csv", "history", "T3.09"});
  CHECK_THAT(history.out, Catch::Contains("submit,"));
  CHECK_THAT(history.out, Catch::Contains(",approve,"));
  CHECK_THAT(history.out, Catch::Contains("liling 2026Q3 approved (locked)"));
  auto audit = json::parse(
      RunCli({"--db", czt.db, "--format", "json", "--as-of", "2026-11-28", "audit"}).out);
  std::set<std::string> not_submitted;
  for (const json& f : audit["findings"]) {
    if (f["kind"] == "not-submitted") not_submitted.insert(f["unit"].get<std::string>());
  }
  CHECK(not_submitted.contains("changsha"));
  CHECK_FALSE(not_submitted.contains("liling"));
  for (const json& row : audit["reporting"]) {
    if (row["unit"] == "liling") CHECK(row["approval"] == "approved");
    if (row["unit"] == "changsha") CHECK(row["approval"] == "not-submitted");
  }
  const std::string html = czt.dir.File("r.html");
  REQUIRE(RunCli({"--db", czt.db, "--as-of", "2026-11-28", "report", "--html", html}).code == 0);
  const std::string page = plantrack::testing::ReadFile(html);
  CHECK_THAT(page, Catch::Contains("Sign-off 2026Q3"));
  CHECK_THAT(page, Catch::Contains("<td>liling</td><td>approved</td><td>zhuzhou</td>"));
}
