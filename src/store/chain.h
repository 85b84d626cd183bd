#pragma once
// The record's chain: every journal row gets a seal, BLAKE2b-256(previous seal || record hash),
// the first one's previous being 32 zero bytes. The record hash covers the journal row and
// every row the command wrote (record_codec.h), so editing, adding or removing any of them
// behind plantrack's back breaks the chain from that record on. The count and the last seal
// (the head) are printed on every report; a head kept elsewhere cannot be rebuilt.

#include <cstdint>
#include <memory>
#include <string>

#include "domain/digest.h"
#include "store/connection.h"

namespace SQLite {
class Statement;
}  // namespace SQLite

namespace plantrack::store {

// Seals every journal row that has no seal yet, in id order. Called inside the writing
// transaction (Connection::WriteTransaction does it before COMMIT), so a record and its seal
// are written together.
void SealRecords(Connection& connection);

// Seals records for a writer that knows each record's hash already: a receiver has hashed the
// lines it received, which are the record's encoding (record_codec.h), so it need not have them
// re-encoded by a walk at commit. Every journal row before the first one sealed here must be
// sealed already (SealRecords first); rows must come in id order, with no other journal row
// between them.
class ChainSealer {
 public:
  explicit ChainSealer(Connection& connection);  // reads the last seal
  ~ChainSealer();
  // Links the record and writes its own seal.
  void Seal(int64_t journal_id, const domain::Hash& record_hash);
  // Links the record into the open run; CloseRun writes the run's one seal (schema 0004), on
  // its last record. A receiver links a packet's records, which take consecutive journal ids.
  void Link(int64_t journal_id, const domain::Hash& record_hash);
  void CloseRun();  // nothing when no record is linked; must come before anything else seals
  int64_t last_journal_id() const { return last_; }

 private:
  std::unique_ptr<SQLite::Statement> insert_;
  domain::Hash previous_{};
  int64_t last_ = 0;
  int64_t open_run_ = 0;  // records linked since the last seal written
};

struct RecordHead {
  int64_t count = 0;  // records, whether each has its own seal or shares its run's
  std::string head;   // hex; 64 zeros for an empty record
};
RecordHead HeadOf(Connection& connection);

}  // namespace plantrack::store
