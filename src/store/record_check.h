#pragma once
// Checks the record against its seals: every journal row's record is encoded again
// (record_codec.h), chained from 32 zero bytes (chain.h) and compared with its row in
// record_seal, or, inside a received packet's run sealed once (schema 0004), at the run's last
// record, which must be the run's length from the seal before; every row of a covered table must
// belong to a record; every received record must be among those its packet's signer signed
// (packet_check.h), which names an edited record inside a run itself. The first thing that does
// not match is named, in journal order. Everything is read in one snapshot, so a writer committing
// meanwhile neither breaks nor extends what is checked.
//
// What this proves: the file is the one its seals describe, and, with a head kept elsewhere, that
// its first N records are still those. What it cannot prove alone: whoever holds the file can
// rewrite rows and seal them again; only a head printed or sent before the rewrite shows it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "store/chain.h"
#include "store/connection.h"

namespace plantrack::store {

// "N:HASH" from `verify --head`: the first N records chain to HASH.
struct HeadClaim {
  int64_t count = 0;
  std::string head;  // lower-case hex: the whole head, or its first 12 or more digits
};
// Accepts a head as printed in a report's footer (a trailing "…" or "..." is ignored, upper-case
// hex is folded). Nothing for anything else.
std::optional<HeadClaim> ParseHeadClaim(std::string_view text);

// The first record that does not match, and why.
struct RecordBreak {
  std::optional<int64_t> journal_id;   // none: a row that names no journal row at all
  std::string uid, kind, recorded_at;  // empty when the journal row is gone
  std::string reason;
};

struct RecordCheck {
  RecordHead head;  // recomputed: the records walked and the last link
  std::optional<RecordBreak> first_break;
  bool ok() const { return !first_break; }
};

struct CheckOptions {
  std::optional<HeadClaim> claim;
  // Called after each record is checked (tests use it to write from another connection while
  // a check is under way).
  std::function<void(int64_t journal_id)> after_record;
};

RecordCheck CheckRecords(Connection& connection, const CheckOptions& options = {});

// "journal row 12 (record 3f…, log, recorded 2026-11-28T10:00:00Z)"
std::string DescribeRecord(const RecordBreak& at);

}  // namespace plantrack::store
