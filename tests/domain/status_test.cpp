// Status and Result: the code is the exit code, and a Result never claims a value it lacks.

#include "domain/status.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <string>

using plantrack::ExitCode;
using plantrack::Result;
using plantrack::Status;

TEST_CASE("status: a Result holds a value or a failure", "[domain][status]") {
  Result<std::string> value(std::string("T2.03"));
  REQUIRE(value.ok());
  CHECK(*value == "T2.03");
  Result<std::string> failed(Status::BadData("code T9 is unknown"));
  CHECK_FALSE(failed.ok());
  CHECK(failed.status().code() == ExitCode::kBadData);
  CHECK(failed.status().exit_code() == 65);
}

TEST_CASE("status: a Result built from an OK status aborts, whatever the build type",
          "[domain][status]") {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGABRT, SIG_DFL);  // not Catch's handler, which would report the abort as ours
    Result<int> impossible(Status::Ok());
    _exit(impossible.ok() ? 0 : 1);  // not reached
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGABRT);
}
