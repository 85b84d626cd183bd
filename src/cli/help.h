#pragma once
// `plantrack help`, `plantrack --help` and `plantrack COMMAND --help`, printed from the command
// table, each command's own options and the global options. Under --lang zh the headings, the
// summaries and the options' descriptions are Chinese (the descriptions from the catalogue,
// report/catalogue.h); option names, placeholders and codes stay as they are typed.

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"

namespace plantrack::cli {

// Whether the command line asks for --lang zh. Help and the errors met before the options are
// read (an unknown command or option) need it before the global options are parsed.
bool AsksChinese(const std::vector<std::string>& args);

void PrintProgramHelp(std::ostream& out, bool zh);
void PrintCommandHelp(const CommandSpec& command, std::ostream& out, bool zh);

}  // namespace plantrack::cli
