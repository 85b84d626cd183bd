#pragma once
// Expected failures as values. A Status is OK or carries a code and a one-line message; the code
// is the process exit code (sysexits style, see DESIGN.md), so the CLI maps it without a table.
// Result<T> is a value or a non-OK Status. Both are [[nodiscard]]: a failure dropped on the floor
// is a compile error under -Werror.

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace plantrack {

enum class ExitCode : int {
  kOk = 0,
  kFound = 1,         // a report found what --fail-on asked about
  kUsage = 64,        // bad command line
  kBadData = 65,      // invalid value, unknown code, permission refused
  kNoInput = 66,      // database file missing
  kUnavailable = 69,  // database newer than this program, or not a usable database
  kInternal = 70,     // a bug or an unexpected library failure
  kCantCreate = 73,   // an output file cannot be created (or the database file is read-only)
  kIoError = 74,      // a read or write failed: disk full, stdout closed, a device error
  kBusy = 75,         // database still locked after the busy timeout
};

class [[nodiscard]] Status {
 public:
  Status() = default;

  static Status Ok() { return Status(); }
  // Not an error: a report found what --fail-on asked about (exit 1, no message).
  static Status Found() { return {ExitCode::kFound, ""}; }
  static Status Usage(std::string message) { return {ExitCode::kUsage, std::move(message)}; }
  static Status BadData(std::string message) { return {ExitCode::kBadData, std::move(message)}; }
  static Status NoInput(std::string message) { return {ExitCode::kNoInput, std::move(message)}; }
  static Status Unavailable(std::string message) {
    return {ExitCode::kUnavailable, std::move(message)};
  }
  static Status Internal(std::string message) { return {ExitCode::kInternal, std::move(message)}; }
  static Status CantCreate(std::string message) {
    return {ExitCode::kCantCreate, std::move(message)};
  }
  // A read or write failed under a command that was otherwise right; nothing half-written stays.
  static Status IoError(std::string message) { return {ExitCode::kIoError, std::move(message)}; }
  static Status Busy(std::string message) { return {ExitCode::kBusy, std::move(message)}; }

  bool ok() const { return code_ == ExitCode::kOk; }
  ExitCode code() const { return code_; }
  int exit_code() const { return static_cast<int>(code_); }
  const std::string& message() const { return message_; }

 private:
  Status(ExitCode code, std::string message) : code_(code), message_(std::move(message)) {}

  ExitCode code_ = ExitCode::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // A Result without a value must say why: one built from an OK status would pass ok() and then
  // hand out a value that is not there, so it is stopped here, in every build type.
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) std::abort();
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // Precondition: ok().
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace plantrack
