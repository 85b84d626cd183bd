// Terminal manners seen as a user sees them: the built binary run on a pseudo-terminal (forkpty)
// and through a pipe. Tables fit the terminal's width and colour on it, and long tables go
// through $PAGER there; into a pipe nothing of that happens. The child's output is read until
// the terminal closes and the child is reaped: no sleeps.

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <sstream>
#include <string>
#include <vector>

#include "cli/pager.h"
#include "report/text_width.h"
#include "test_support.h"

namespace {

// Narrower than the actions table's rows (about 166 columns), wider than its fixed columns.
constexpr int kColumns = 130;

struct Output {
  int code = -1;
  std::string text;
};

// Runs the built binary with `args` and only the environment `env`, its stdout (and stderr) a
// pseudo-terminal kColumns wide when `terminal`, else a pipe.
Output RunBinary(bool terminal, const std::vector<std::string>& args,
                 const std::vector<std::string>& env) {
  std::vector<std::string> words{PLANTRACK_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv, envp;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::vector<std::string> environment(env);
  environment.push_back("PATH=/usr/bin:/bin");
  for (std::string& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);

  int fd = -1;
  pid_t child = -1;
  if (terminal) {
    winsize size{};
    size.ws_row = 24;
    size.ws_col = static_cast<unsigned short>(kColumns);
    child = forkpty(&fd, nullptr, nullptr, &size);
  } else {
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    child = fork();
    if (child == 0) {
      dup2(pipe_fds[1], STDOUT_FILENO);
      dup2(pipe_fds[1], STDERR_FILENO);
      close(pipe_fds[0]);
      close(pipe_fds[1]);
    } else {
      close(pipe_fds[1]);
      fd = pipe_fds[0];
    }
  }
  REQUIRE(child >= 0);
  if (child == 0) {
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  Output output;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      output.text.append(buffer, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // 0: the pipe's end; -1 EIO: the terminal's other side is closed
    }
  }
  close(fd);
  int status = 0;
  waitpid(child, &status, 0);
  output.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // A terminal turns "\n" into "\r\n".
  output.text.erase(std::remove(output.text.begin(), output.text.end(), '\r'), output.text.end());
  return output;
}

int WidestLine(const std::string& text) {
  int widest = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    widest = std::max(widest, plantrack::report::DisplayWidth(line));
  }
  return widest;
}

struct Terminal {
  plantrack::testing::CztFile czt;
  std::vector<std::string> env{"PLANTRACK_DB=" + czt.db, "PAGER=sed s/^/paged:/"};

  Output Run(bool terminal, std::vector<std::string> args, std::vector<std::string> extra = {}) {
    args.insert(args.begin(), {"--as-of", "2026-11-28"});
    std::vector<std::string> all(env);
    all.insert(all.end(), extra.begin(), extra.end());
    Output output = RunBinary(terminal, args, all);
    INFO(output.text);
    REQUIRE(output.code == 0);
    return output;
  }
};

}  // namespace

TEST_CASE("terminal: tables fit a terminal's width, never a pipe's", "[cli][terminal]") {
  Terminal t;
  const Output tty = t.Run(true, {"--no-pager", "--color=never", "actions"});
  const Output piped = t.Run(false, {"actions"});
  CHECK(WidestLine(tty.text) <= kColumns);
  CHECK(WidestLine(piped.text) > kColumns);
  CHECK(WidestLine(t.Run(true, {"--no-pager", "--wide", "actions"}).text) > kColumns);
}

TEST_CASE("terminal: --color=auto colours on a terminal only", "[cli][terminal]") {
  Terminal t;
  CHECK(t.Run(true, {"--no-pager", "--color=auto", "overdue"}).text.find("\x1b[") !=
        std::string::npos);
  CHECK(t.Run(false, {"--color=auto", "overdue"}).text.find("\x1b[") == std::string::npos);
  CHECK(t.Run(true, {"--no-pager", "overdue"}, {"NO_COLOR=1"}).text.find("\x1b[") ==
        std::string::npos);
}

TEST_CASE("terminal: tables go through $PAGER on a terminal, not into a pipe", "[cli][terminal]") {
  Terminal t;
  const Output paged = t.Run(true, {"areas"});
  CHECK(paged.text.rfind("paged:", 0) == 0);
  CHECK(paged.text.find("\npaged:T1") != std::string::npos);
  CHECK(t.Run(false, {"areas"}).text.find("paged:") == std::string::npos);
  CHECK(t.Run(true, {"--no-pager", "areas"}).text.find("paged:") == std::string::npos);
  CHECK(t.Run(true, {"--format", "json", "areas"}).text.find("paged:") == std::string::npos);
  // PAGER empty or cat: no pager; a write command never pages.
  t.env.back() = "PAGER=";
  CHECK(t.Run(true, {"areas"}).text.find("paged:") == std::string::npos);
  t.env.back() = "PAGER=cat";
  const Output cat = t.Run(true, {"areas"});
  CHECK(cat.text.find("T1") != std::string::npos);
}

TEST_CASE("terminal: the pager is $PAGER, else less -FRX; empty or cat is none",
          "[cli][terminal]") {
  using plantrack::cli::PagerCommand;
  CHECK(PagerCommand(std::nullopt) == "less -FRX");
  CHECK(PagerCommand("").empty());
  CHECK(PagerCommand("  ").empty());
  CHECK(PagerCommand("cat").empty());
  CHECK(PagerCommand(" most -s ") == "most -s");
}
