// Writes plantrack(1) to the file named by the only argument; run by the build (CMakeLists.txt).

#include <fstream>
#include <iostream>

#include "cli/man_page.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: plantrack_man OUT.1\n";
    return 64;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << plantrack::cli::ManPage();
  out.close();
  if (!out) {
    std::cerr << "error: cannot write " << argv[1] << '\n';
    return 73;
  }
  return 0;
}
