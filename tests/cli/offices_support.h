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
  // The office logs `action` at `percent` on `on` and sends it in packet `name`.
  void LogAndSend(const std::string& unit, const std::string& action, const std::string& percent,
                  const std::string& on, const std::string& name) const {
    REQUIRE(Office(unit, {"log", action, "--percent", percent, "--on", on}).code == 0);
    REQUIRE(Send(unit, name).code == 0);
  }
  // The office logs `action` at `percent` on `on` and sends it in packet `name`; the master
  // receives it. Returns what `receive --format json` says of the packet.
  nlohmann::json LogSentAndReceived(const std::string& unit, const std::string& action,
                                    const std::string& percent, const std::string& on,
                                    const std::string& name) const {
    LogAndSend(unit, action, percent, on, name);
    CliResult received = Master({"--format", "json", "receive", File(name)});
    REQUIRE(received.code == 0);
    return nlohmann::json::parse(received.out)[0];
  }
  // The office sends what it wrote, signed with its key, to the packet file `name`.
  CliResult Send(const std::string& unit, const std::string& name) const {
    return Office(unit, {"send", "--out", File(name), "--key", Key(unit)});
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
