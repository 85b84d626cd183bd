#pragma once
// Progress entries appended many to a statement, for imports and receives: running one INSERT
// costs about as much as writing the row it carries, so a million-row import writes them 256 to
// a statement.
// Entries wait in the batch until it is full or flushed; of a batch the database refuses, the
// entries it did not keep are written again row by row, so that each refusal names its own
// entry and every other entry is written once.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/progress_store.h"

namespace plantrack::store {

class ProgressBatch {
 public:
  static constexpr size_t kRows = 256;

  explicit ProgressBatch(Connection& connection);
  ~ProgressBatch();
  ProgressBatch(const ProgressBatch&) = delete;
  ProgressBatch& operator=(const ProgressBatch&) = delete;

  // The slot for the next entry, to be filled in place (its strings keep their buffers from
  // earlier batches). Call Flush when full() before asking for another.
  NewProgress& Next();
  bool full() const { return size_ == kRows; }
  size_t size() const { return size_; }

  struct Refusal {
    size_t index;  // the entry's place in the batch, in the order Next gave them out
    std::string message;
  };
  // Writes the waiting entries and empties the batch.
  std::vector<Refusal> Flush();

 private:
  Connection& connection_;
  std::vector<NewProgress> entries_ = std::vector<NewProgress>(kRows);
  size_t size_ = 0;
  std::unique_ptr<SQLite::Statement> full_insert_;  // kRows rows of VALUES
  ProgressWriter one_by_one_;
};

}  // namespace plantrack::store
