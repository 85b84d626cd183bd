#pragma once
// The command table's lookups and the options every command takes. The table itself is in
// commands.cpp; each command's spec is at the end of its own cmd_*.cpp.

#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"

namespace plantrack::cli {

// The options every command takes (cli.cpp), for help, the shell completion and the man page.
po::options_description GlobalOptions();
// Whether `name` (without the dashes) is one of GlobalOptions().
bool IsGlobalOption(const std::string& name);
// The names of the commands in the table's order.
std::vector<std::string> CommandNames();
// The command called `name`, or null.
const CommandSpec* FindCommand(std::string_view name);

}  // namespace plantrack::cli
