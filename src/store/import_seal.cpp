#include "store/import_seal.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/chain.h"

namespace plantrack::store {
namespace {

// The record's rows other than its entries, appended to the hash after them: a record's lines
// are its entries first, then each other kind (record_codec.h).
class OtherRows : public RecordVisitor {
 public:
  explicit OtherRows(RecordHasher& hasher) : hasher_(hasher) {}
  void Begin(const RecordInfo&) override {}  // the header was hashed before the entries
  void Row(RowTable, std::string_view line) override { hasher_.Line(line); }
  void End() override {}
  void Orphan(RowTable, int64_t, std::optional<int64_t>) override {}

 private:
  RecordHasher& hasher_;
};

}  // namespace

ImportSeal::ImportSeal(Connection& connection, int64_t journal_id)
    : connection_(connection), journal_id_(journal_id) {}

void ImportSeal::Entry(const EntryLine& entry) {
  if (!started_) {
    // Read when the first entry comes: the journal row is written before any row of its own.
    hasher_.Line(RecordHeader(connection_, journal_id_));
    started_ = true;
  }
  line_.clear();
  EncodeEntry(entry, line_);
  hasher_.Line(line_);
}

void ImportSeal::Finish() {
  if (!started_) return;
  started_ = false;
  ChainSealer chain(connection_);
  // The chain links each seal to the one before: every earlier record must be sealed already
  // (each command seals its own at commit, so this holds but for a file changed by hand).
  SQLite::Statement previous(connection_.db(),
                             "SELECT coalesce(max(id), 0) FROM journal WHERE id < :id");
  previous.bind(":id", journal_id_);
  previous.executeStep();
  if (chain.last_journal_id() != previous.getColumn(0).getInt64()) return;
  OtherRows others(hasher_);
  WalkOptions options;
  options.from_journal_id = options.to_journal_id = journal_id_;
  options.skip_entries = true;
  WalkRecords(connection_, options, others);
  chain.Seal(journal_id_, hasher_.Finish());
}

}  // namespace plantrack::store
