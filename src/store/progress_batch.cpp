#include "store/progress_batch.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace plantrack::store {

ProgressBatch::ProgressBatch(Connection& connection)
    : connection_(connection), one_by_one_(connection) {}

ProgressBatch::~ProgressBatch() = default;

NewProgress& ProgressBatch::Next() { return entries_.at(size_++); }

std::vector<ProgressBatch::Refusal> ProgressBatch::Flush() {
  std::vector<Refusal> refusals;
  size_t kept = 0;  // entries the refused statement wrote before the one it refused
  if (full()) {
    if (!full_insert_) {
      full_insert_ =
          std::make_unique<SQLite::Statement>(connection_.db(), InsertProgressSql(kRows));
    }
    full_insert_->tryReset();  // reset() would rethrow a refused last batch
    for (size_t i = 0; i < kRows; ++i) {
      BindProgress(*full_insert_, static_cast<int>(i * kProgressColumns) + 1, entries_[i]);
    }
    try {
      full_insert_->exec();
      size_ = 0;
      return refusals;
    } catch (const SQLite::Exception& e) {
      // A full disk or a broken file is not a bad entry: it ends the import as one error.
      if (IsMachineError(e.getErrorCode())) throw;
      // OR FAIL kept the entries before the refused one (none when a foreign key refused it:
      // that rolls the statement back); find the entries at fault among the rest one at a time.
      kept = static_cast<size_t>(connection_.db().getChanges());
    }
  }
  for (size_t i = kept; i < size_; ++i) {
    try {
      one_by_one_.Insert(entries_[i]);
    } catch (const SQLite::Exception& e) {
      if (IsMachineError(e.getErrorCode())) throw;
      refusals.push_back({i, e.what()});
    }
  }
  size_ = 0;
  return refusals;
}

}  // namespace plantrack::store
