#include "store/key_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace plantrack::store {
namespace {

constexpr std::string_view kPrefix = "plantrack-ed25519-secret ";

}  // namespace

std::string KeyFileText(const domain::KeyPair& pair) {
  return std::string(kPrefix) + domain::ToHex(pair.secret_key) + "\n";
}

Status WriteKeyFile(const std::string& path, const domain::KeyPair& pair) {
  // O_EXCL: a key is never overwritten by accident; 0600 from the start, not chmod'ed later.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::CantCreate(
        fmt::format("cannot create key file {}: {}", path, std::strerror(errno)));
  }
  const std::string text = KeyFileText(pair);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) {
    ::unlink(path.c_str());
    return Status::IoError(fmt::format("cannot write key file {}: {}", path, std::strerror(errno)));
  }
  return Status::Ok();
}

Result<domain::KeyPair> ReadKeyFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Status::NoInput(fmt::format("key file {}: {}", path, std::strerror(errno)));
  }
  if (!S_ISREG(info.st_mode))
    return Status::BadData(fmt::format("key file {} is not a file", path));
  if ((info.st_mode & 077) != 0) {
    return Status::BadData(fmt::format(
        "key file {} can be read by others (mode {:04o}); make it private: chmod 600 {}", path,
        info.st_mode & 07777, path));
  }
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::optional<std::string> secret;
  if (line.rfind(kPrefix, 0) == 0) secret = domain::FromHex(line.substr(kPrefix.size()));
  if (!secret || secret->size() != 64 || domain::PublicKeyOf(*secret).empty()) {
    return Status::BadData(fmt::format(
        "key file {} is not a plantrack key (make one with `plantrack key new`)", path));
  }
  domain::KeyPair pair{domain::PublicKeyOf(*secret), *secret};
  // libsodium's secret key ends with its public key: a file whose halves disagree was edited.
  if (secret->substr(32) != pair.public_key) {
    return Status::BadData(fmt::format("key file {} is damaged (its two halves disagree)", path));
  }
  return pair;
}

}  // namespace plantrack::store
