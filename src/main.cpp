#include <malloc.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  // One heap for every thread: the reports read in two or three threads at once, and each
  // thread's own malloc arena stayed resident after its reads (10 MB of the HTML report's
  // 50 MB budget). The threads allocate little while they run, so sharing costs no time.
  mallopt(M_ARENA_MAX, 1);
  std::vector<std::string> args(argv + 1, argv + argc);
  return plantrack::cli::Run(args, plantrack::cli::EnvironmentFromProcess(), std::cout, std::cerr);
}
