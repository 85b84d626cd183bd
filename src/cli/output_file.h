#pragma once
// A file written whole or not at all. The text goes to a hidden temporary file beside the
// target, which is flushed, synced and checked, and only then renamed over the target; a failed
// or abandoned write removes the temporary file, so a reader never meets a zero-byte or
// half-written file (DESIGN.md: exit 73 when it cannot be created, 74 when writing fails).

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "domain/status.h"

namespace plantrack::cli {

class OutputFile {
 public:
  // Creates the temporary file for `target` (73 when it cannot be created). `label` names the
  // file in messages, e.g. "--html report.html".
  static Result<std::unique_ptr<OutputFile>> Create(std::filesystem::path target,
                                                    std::string label);
  ~OutputFile();  // removes the temporary file unless Commit succeeded
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return out_; }
  const std::filesystem::path& target() const { return target_; }

  // Flushes, closes and syncs the temporary file: 74 when any write failed (disk full, file too
  // large). Call for every file of a set before renaming any of them.
  Status Finish();
  // Renames the finished temporary file over the target (73 when that fails).
  Status Commit();

 private:
  OutputFile(std::filesystem::path target, std::filesystem::path temporary, std::string label);

  std::filesystem::path target_, temporary_;
  std::string label_;
  std::ofstream out_;
  bool finished_ = false, committed_ = false;
};

}  // namespace plantrack::cli
