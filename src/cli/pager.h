#pragma once
// A pager for a reading command's table on a terminal, as git does it: the output is written
// into `$PAGER` (else `less -FRX`, which quits at once when it fits on one screen, keeps colours
// and leaves the text on the screen). Never into a pipe or a file, never for json, csv or md,
// never with --no-pager; `PAGER=` (empty) or `PAGER=cat` means none.

#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>

namespace plantrack::cli {

// The command to page through for the $PAGER given (nullopt: not set); empty for none.
std::string PagerCommand(const std::optional<std::string>& pager_variable);

class Pager {
 public:
  // Starts `command` through the shell and points `out` at its standard input; null when the
  // pager cannot be started (the output then goes to `out` as it would without one).
  static std::unique_ptr<Pager> Start(const std::string& command, std::ostream& out);
  // Points `out` back where it was and waits for the pager to end (the reader quitting it).
  ~Pager();
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;

 private:
  class PipeBuffer : public std::streambuf {
   public:
    explicit PipeBuffer(std::FILE* pipe) : pipe_(pipe) {}

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

   private:
    std::FILE* pipe_;
  };

  Pager(std::FILE* pipe, std::ostream& out);

  std::FILE* pipe_;
  std::ostream& out_;
  PipeBuffer buffer_;
  std::streambuf* saved_;
};

}  // namespace plantrack::cli
