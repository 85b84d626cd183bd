#include "cli/pager.h"

#include <csignal>

namespace plantrack::cli {

std::string PagerCommand(const std::optional<std::string>& pager_variable) {
  if (!pager_variable) return "less -FRX";
  const std::string& command = *pager_variable;
  const size_t first = command.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const size_t last = command.find_last_not_of(" \t");
  std::string trimmed = command.substr(first, last - first + 1);
  return trimmed == "cat" ? "" : trimmed;
}

std::unique_ptr<Pager> Pager::Start(const std::string& command, std::ostream& out) {
  if (command.empty()) return nullptr;
  out.flush();
  // A reader who quits the pager before the end closes the pipe: the rest of the output is
  // dropped quietly (the writes fail with EPIPE) instead of SIGPIPE killing the program.
  std::signal(SIGPIPE, SIG_IGN);
  std::FILE* pipe = ::popen(command.c_str(), "w");
  if (!pipe) return nullptr;
  return std::unique_ptr<Pager>(new Pager(pipe, out));
}

Pager::Pager(std::FILE* pipe, std::ostream& out)
    : pipe_(pipe), out_(out), buffer_(pipe), saved_(out.rdbuf(&buffer_)) {}

Pager::~Pager() {
  out_.flush();
  out_.rdbuf(saved_);
  // What the pager did not take is not an error of the command: the reader chose to stop.
  out_.clear();
  ::pclose(pipe_);
}

Pager::PipeBuffer::int_type Pager::PipeBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  // Ignored failures: see Start and ~Pager.
  std::fputc(traits_type::to_char_type(c), pipe_);
  return c;
}

std::streamsize Pager::PipeBuffer::xsputn(const char* text, std::streamsize count) {
  std::fwrite(text, 1, static_cast<size_t>(count), pipe_);
  return count;
}

int Pager::PipeBuffer::sync() {
  std::fflush(pipe_);
  return 0;
}

}  // namespace plantrack::cli
