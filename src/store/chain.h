#pragma once
// The record's chain: every journal row gets a seal, BLAKE2b-256(previous seal || record hash),
// the first one's previous being 32 zero bytes. The record hash covers the journal row and
// every row the command wrote (record_codec.h), so editing, adding or removing any of them
// behind plantrack's back breaks the chain from that record on. The count and the last seal
// (the head) are printed on every report; a head kept elsewhere cannot be rebuilt.

#include <cstdint>
#include <string>

#include "store/connection.h"

namespace plantrack::store {

// Seals every journal row that has no seal yet, in id order. Called inside the writing
// transaction (Connection::WriteTransaction does it before COMMIT), so a record and its seal
// are written together.
void SealRecords(Connection& connection);

struct RecordHead {
  int64_t count = 0;
  std::string head;  // hex; 64 zeros for an empty record
};
RecordHead HeadOf(Connection& connection);

}  // namespace plantrack::store
