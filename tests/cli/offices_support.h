#pragma once
// The offices of the README's worked example, for the tests that drive them: a master (the CZT
// file) and a replica each for liling and xiangtan, with registered keys.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace plantrack::testing {

// A master (the CZT file, coordinator hunan-drc) with keys for itself, liling and xiangtan,
// published once, and a replica for each office made from that packet.
struct Offices {
  Offices() {
    for (const char* unit : {"hunan-drc", "liling", "xiangtan"}) {
      const std::string key = czt.dir.File(std::string(unit) + ".key");
      CliResult made = RunCli({"key", "new", "--out", key});
      REQUIRE(made.code == 0);
      const std::string public_key = made.out.substr(0, 64);
      REQUIRE(Master({"key", "add", unit, public_key}).code == 0);
    }
    REQUIRE(Master({"publish", "--out", File("p1.pkt"), "--key", Key("hunan-drc")}).code == 0);
    for (const char* unit : {"liling", "xiangtan"}) {
      REQUIRE(RunCli({"--db", Db(unit), "--as", unit, "init", "--from", File("p1.pkt")}).code == 0);
    }
  }
  std::string File(const std::string& name) const { return czt.dir.File(name); }
  std::string Key(const std::string& unit) const { return File(unit + ".key"); }
  std::string Db(const std::string& unit) const { return File(unit + ".db"); }
  CliResult Master(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", czt.db, "--as", "hunan-drc"});
    return RunCli(args);
  }
  CliResult Office(const std::string& unit, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", Db(unit)});
    return RunCli(args);
  }
  // The status as JSON, without the "record" field: each file has its own record (its own
  // journal), and the status is what must agree.
  std::string Status(const std::string& db) const {
    nlohmann::json status = nlohmann::json::parse(
        RunCli({"--db", db, "--as-of", "2026-11-28", "--format", "json", "status"}).out);
    status.erase("record");
    return status.dump(2);
  }
  int64_t Count(const std::string& db, const char* sql) const {
    SQLite::Database raw(db);
    return raw.execAndGet(sql).getInt64();
  }

  CztFile czt;
};

}  // namespace plantrack::testing
