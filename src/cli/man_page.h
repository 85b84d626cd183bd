#pragma once
// plantrack(1), written in roff from the command table and the global options, so the manual
// lists exactly the commands and options the program has. The build runs plantrack_man
// (src/man_main.cpp) to write build/plantrack.1, and `cmake --install` puts it in
// share/man/man1.

#include <string>

namespace plantrack::cli {

// The whole man page, in roff (man macros).
std::string ManPage();

}  // namespace plantrack::cli
