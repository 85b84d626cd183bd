#pragma once
// The seal of an import's record, hashed as its entries are inserted. Sealing at commit
// (chain.h's SealRecords) reads every row of the record back and encodes it: for an import of
// a million entries that was a third of the import's work (bench/README.md). The importer has
// each entry's values in hand, so it encodes its line from them (record_codec.h's EncodeEntry,
// the walk's own encoding) as it goes; the record's other rows (indicator values, few) are read
// back at the end, and the seal is the one the walk would have written, byte for byte.

#include <cstdint>

#include "store/connection.h"
#include "store/record_codec.h"

namespace plantrack::store {

class ImportSeal {
 public:
  ImportSeal(Connection& connection, int64_t journal_id);

  // The next entry the record wrote, in the order of its row ids (the order of the inserts).
  void Entry(const EntryLine& entry);

  // Seals the record, once every row of it is written: nothing may be written under its
  // journal row afterwards. A record with no entries, or one whose journal rows before it are
  // not all sealed, is left to SealRecords at commit, which gives the same seal.
  void Finish();

 private:
  Connection& connection_;
  int64_t journal_id_;
  bool started_ = false;
  RecordHasher hasher_;
  std::string line_;  // reused: a million entries, no allocation each
};

}  // namespace plantrack::store
