// Terminal manners: -h, --version/-V/version, --color and NO_COLOR, "did you mean" for options,
// and the completion scripts generated from the command table.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "report/text_width.h"
#include "test_support.h"

using plantrack::testing::RunCli;
using plantrack::testing::TempDir;

TEST_CASE("shell: -h is --help, for the program and for a command", "[cli][shell]") {
  CHECK(RunCli({"-h"}).code == 0);
  CHECK(RunCli({"-h"}).out == RunCli({"--help"}).out);
  CHECK(RunCli({"areas", "-h"}).out == RunCli({"areas", "--help"}).out);
  CHECK_THAT(RunCli({"mine", "-h"}).out, Catch::Contains("usage: plantrack mine"));
}

TEST_CASE("shell: --version, -V and version print the same line", "[cli][shell]") {
  const std::string expected = std::string("plantrack ") + PLANTRACK_VERSION + "\n";
  CHECK(RunCli({"--version"}).out == expected);
  CHECK(RunCli({"-V"}).out == expected);
  auto command = RunCli({"version"});
  CHECK(command.code == 0);
  CHECK(command.out == expected);
}

TEST_CASE("shell: --color=auto|always|never, --no-color and NO_COLOR", "[cli][shell]") {
  plantrack::testing::CztFile czt;
  auto colored = [&](std::vector<std::string> args, bool terminal, bool no_color) {
    auto env = plantrack::testing::TestEnvironment();
    env.terminal = terminal;
    env.no_color = no_color;
    args.insert(args.begin(), {"--db", czt.db});
    args.push_back("overdue");
    auto result = RunCli(args, env);
    REQUIRE(result.code == 0);
    return result.out.find("\x1b[") != std::string::npos;
  };
  CHECK(colored({}, true, false));
  CHECK_FALSE(colored({}, false, false));
  CHECK_FALSE(colored({}, true, true));
  CHECK(colored({"--color=always"}, false, false));
  CHECK(colored({"--color=always"}, false, true));
  CHECK(colored({"--color"}, false, false));
  CHECK_FALSE(colored({"--color=never"}, true, false));
  CHECK_FALSE(colored({"--color=auto"}, false, false));
  CHECK_FALSE(colored({"--no-color"}, true, false));
  CHECK_FALSE(colored({"--color=always", "--no-color"}, true, false));
  auto bad = RunCli({"--db", czt.db, "--color=sometimes", "areas"});
  CHECK(bad.code == 64);
  CHECK_THAT(bad.err, Catch::Contains("--color sometimes is not auto, always or never"));
}

TEST_CASE("shell: NO_COLOR counts only when set and not empty", "[cli][shell]") {
  ::setenv("NO_COLOR", "", 1);
  CHECK_FALSE(plantrack::cli::EnvironmentFromProcess().no_color);
  ::setenv("NO_COLOR", "1", 1);
  CHECK(plantrack::cli::EnvironmentFromProcess().no_color);
  ::unsetenv("NO_COLOR");
  CHECK_FALSE(plantrack::cli::EnvironmentFromProcess().no_color);
}

TEST_CASE("shell: an unknown option suggests the closest one", "[cli][shell]") {
  auto command_option = RunCli({"--db", "x.db", "actions", "--horizn", "2025"});
  CHECK(command_option.code == 64);
  CHECK_THAT(command_option.err,
             Catch::Contains("actions: unknown option --horizn (did you mean --horizon?)"));
  auto global_option = RunCli({"--db", "x.db", "--fromat", "json", "areas"});
  CHECK(global_option.code == 64);
  CHECK_THAT(global_option.err,
             Catch::Contains("error: unknown option --fromat (did you mean --format?)"));
  auto far = RunCli({"--db", "x.db", "areas", "--zzzzzzzz"});
  CHECK(far.code == 64);
  CHECK_THAT(far.err, Catch::Contains("unknown option --zzzzzzzz (see plantrack areas --help)"));
}

TEST_CASE("shell: completion scripts name every command and its options", "[cli][shell]") {
  for (const char* shell : {"bash", "zsh"}) {
    INFO(shell);
    auto script = RunCli({"completion", shell});
    REQUIRE(script.code == 0);
    for (const std::string& name : plantrack::cli::CommandNames()) {
      CHECK_THAT(script.out, Catch::Contains(name + ")"));
    }
    for (const char* option :
         {"--horizon", "--percent", "--entries", "--fail-on", "--db", "--color", "--as-of"}) {
      CHECK_THAT(script.out, Catch::Contains(option));
    }
  }
  CHECK_THAT(RunCli({"completion", "bash"}).out,
             Catch::Contains("complete -o default -F _plantrack plantrack"));
  CHECK_THAT(RunCli({"completion", "zsh"}).out, Catch::StartsWith("#compdef plantrack"));
  CHECK(RunCli({"completion"}).code == 64);
  CHECK(RunCli({"completion", "fish"}).code == 64);
}

TEST_CASE("shell: the bash script parses and completes commands and options", "[cli][shell]") {
  if (std::system("command -v bash >/dev/null 2>&1") != 0) return;
  TempDir dir;
  const std::string script = dir.File("plantrack.bash");
  std::ofstream(script) << RunCli({"completion", "bash"}).out;
  const std::string probe = dir.File("probe.sh");
  std::ofstream(probe) << "source '" << script << "'\n"
                       << "COMP_WORDS=(plantrack --db x.db mi); COMP_CWORD=3; _plantrack\n"
                       << "echo \"${COMPREPLY[*]}\"\n"
                       << "COMP_WORDS=(plantrack actions --hor); COMP_CWORD=2; _plantrack\n"
                       << "echo \"${COMPREPLY[*]}\"\n";
  const std::string out = dir.File("out.txt");
  REQUIRE(std::system(("bash '" + probe + "' > '" + out + "' 2>&1").c_str()) == 0);
  const std::string text = plantrack::testing::ReadFile(out);
  CHECK_THAT(text, Catch::Contains("milestones mine"));
  CHECK_THAT(text, Catch::Contains("--horizon"));
}

TEST_CASE("shell: tables fit the terminal's width, never a pipe's, and not with --wide",
          "[cli][shell]") {
  plantrack::testing::CztFile czt;
  auto widest = [&](std::vector<std::string> args, bool terminal) {
    auto env = plantrack::testing::TestEnvironment();
    env.terminal = terminal;
    env.columns = 120;
    args.insert(args.begin(), {"--db", czt.db, "--as", "zhuzhou", "--no-color"});
    auto result = RunCli(args, env);
    REQUIRE(result.code == 0);
    int widest_line = 0;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
      widest_line = std::max(widest_line, plantrack::report::DisplayWidth(line));
    }
    return std::pair{widest_line, result.out};
  };
  auto [fitted, fitted_text] = widest({"mine"}, true);
  CHECK(fitted <= 120);
  CHECK_THAT(fitted_text, Catch::Contains("…"));
  auto [piped, piped_text] = widest({"mine"}, false);
  CHECK(piped > 120);
  CHECK_THAT(piped_text, Catch::Contains("Shared electronic health records"));
  CHECK(widest({"--wide", "mine"}, true).first == piped);
  CHECK(widest({"--lang", "zh", "mine"}, true).first <= 120);
  // Titles give way down to 12 columns; a table whose other columns are wider stays long.
  CHECK(widest({"actions"}, true).first < widest({"actions"}, false).first);
}
