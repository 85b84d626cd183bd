#include "cli/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace plantrack::cli {
namespace {

std::string ErrnoText(int error) { return error ? std::strerror(error) : "the write failed"; }

// fsync through a file descriptor of its own: std::ofstream gives no access to one.
bool SyncFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  return ::close(fd) == 0 && synced;
}

}  // namespace

OutputFile::OutputFile(std::filesystem::path target, std::filesystem::path temporary,
                       std::string label)
    : target_(std::move(target)), temporary_(std::move(temporary)), label_(std::move(label)) {}

Result<std::unique_ptr<OutputFile>> OutputFile::Create(std::filesystem::path target,
                                                       std::string label) {
  // Hidden, beside the target (a rename does not cross file systems) and unique per process.
  std::filesystem::path temporary =
      target.parent_path() /
      fmt::format(".{}.{}.partial", target.filename().string(), static_cast<long>(::getpid()));
  std::unique_ptr<OutputFile> file(
      new OutputFile(std::move(target), std::move(temporary), std::move(label)));
  errno = 0;
  file->out_.open(file->temporary_, std::ios::binary | std::ios::trunc);
  if (!file->out_) {
    return Status::CantCreate(fmt::format("cannot create {}: {}", file->label_, ErrnoText(errno)));
  }
  return file;
}

OutputFile::~OutputFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;  // the destructor must not throw; the file may never have existed
  std::filesystem::remove(temporary_, ignored);
}

Status OutputFile::Finish() {
  errno = 0;
  out_.flush();
  out_.close();
  const int error = errno;
  if (out_.fail() || !SyncFile(temporary_)) {
    return Status::IoError(fmt::format("cannot write {}: {} (nothing was left behind)", label_,
                                       ErrnoText(error ? error : errno)));
  }
  finished_ = true;
  return Status::Ok();
}

Status OutputFile::Commit() {
  if (!finished_) {
    if (Status finished = Finish(); !finished.ok()) return finished;
  }
  std::error_code error;
  std::filesystem::rename(temporary_, target_, error);
  if (error) {
    return Status::CantCreate(fmt::format("cannot create {}: {}", label_, error.message()));
  }
  committed_ = true;
  return Status::Ok();
}

}  // namespace plantrack::cli
