#pragma once
// The whole program as a function, so tests can drive it in-process: parses the global
// options, finds the command, opens the database as the command needs, runs it, and turns any
// failure into a one-line message on `err` and an exit code (DESIGN.md).

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "domain/civil_date.h"

namespace plantrack::cli {

// What the program takes from its surroundings; tests build one by hand.
struct Environment {
  std::optional<std::string> db;    // $PLANTRACK_DB
  std::optional<std::string> unit;  // $PLANTRACK_UNIT
  bool no_color = false;            // $NO_COLOR is set
  bool terminal = false;            // stdout is a terminal
  int columns = 0;                  // the terminal's width ($COLUMNS, else asked), 0 unknown
  domain::Date today;               // local date
  std::string now_utc;              // 'YYYY-MM-DDTHH:MM:SSZ'
  int busy_timeout_ms = 5000;       // $PLANTRACK_BUSY_TIMEOUT_MS: how long a writer waits
  std::string pager;                // what tables on a terminal go through; empty for none
};

Environment EnvironmentFromProcess();

// `args` excludes the program name.
int Run(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
        std::ostream& err);

}  // namespace plantrack::cli
