#pragma once
// The canonical encoding of a record: one journal row and every row that command wrote, as
// lines of JSON with fixed keys in a fixed order, and references by code and record id (never
// by local row id), so the same record encodes to the same bytes in every office's file. The
// record's hash (BLAKE2b-256 of its lines, each ending in '\n') links the chain (chain.h) and
// is what a packet's signature covers (packet.h).
//
//   {"record":UID,"kind":K,"unit":SLUG,"recorded_at":T,"command":C,"detail":D}
//   {"t":"entry","action":..,"unit":..,"logged_on":..,"recorded_at":..,"percent":..,
//    "status":..,"note":..,"source":..}
//   {"t":"retraction","entry":"UID/N","unit":..,"recorded_at":..,"reason":..}
//   {"t":"value","indicator":..,"unit":..|null,"as_of":..,"value":..,"note":..,"source":..,
//    "recorded_at":..|null}
//   {"t":"value-retraction","value":"UID/N","unit":..,"recorded_at":..,"reason":..}
//   {"t":"milestone","milestone":..,"done_on":..|null,"unit":..,"recorded_at":..}
//   {"t":"approval","unit":..,"period":..,"event":..,"by":..,"recorded_at":..,"partial":0|1,
//    "note":..}
//   {"t":"settlement","conflict":UID,"decision":..,"unit":..,"recorded_at":..,"reason":..}
//
// "UID/N" names the N-th row (from 1) of its kind that record UID wrote. Rows follow their
// header in the order above, each kind by row id.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/digest.h"
#include "store/connection.h"

namespace plantrack::store {

// The kinds of covered rows, in encoding order.
enum class RowTable {
  kEntry,
  kRetraction,
  kValue,
  kValueRetraction,
  kMilestone,
  kApproval,
  kSettlement
};
constexpr int kRowTables = 7;
std::string_view RowTableName(RowTable table);  // "progress_log", "retraction", ...
std::string_view RowTag(RowTable table);        // "entry", "retraction", ...

struct RecordInfo {
  int64_t journal_id = 0;
  std::string uid, kind;
  std::optional<int64_t> unit_id;
  std::optional<int64_t> packet_id;  // received in this packet
  std::string header;                // the header line, without '\n'
};

// What a walk over the records reports. Lines come without their '\n'.
class RecordVisitor {
 public:
  virtual ~RecordVisitor() = default;
  virtual void Begin(const RecordInfo& record) = 0;
  virtual void Row(RowTable table, std::string_view line) = 0;
  virtual void End() = 0;
  // A row of a covered table whose journal_id names no journal row at or after the walk's
  // start (written behind plantrack's back).
  virtual void Orphan(RowTable table, int64_t row_id, std::optional<int64_t> journal_id) = 0;
};

struct WalkOptions {
  int64_t from_journal_id = 1;  // records with journal.id >= this, in id order
  int64_t to_journal_id = INT64_MAX;
  bool report_orphans = false;  // also scan for rows no record covers (verify)
  // Instead of the range: only the records this query selects (a SELECT of journal ids, an SQL
  // constant of the caller whose one parameter :unit_id is bound to `selection_unit`). Each
  // table is then read by index for those ids alone, so the walk costs what it visits.
  const char* selection = nullptr;
  int64_t selection_unit = 0;
  // progress_log is not read: the caller encoded the record's entries as it wrote them (an
  // import, store/import_seal.h) and wants only its other rows.
  bool skip_entries = false;
};
void WalkRecords(Connection& connection, const WalkOptions& options, RecordVisitor& visitor);

// The header line of the record of journal row `journal_id` (which must exist).
std::string RecordHeader(Connection& connection, int64_t journal_id);

// The fields of an entry's line, as stored (the action's code, the unit's slug).
struct EntryLine {
  std::string_view action, unit, logged_on, recorded_at;
  int64_t percent = 0;
  std::string_view status, note, source;
};
// Appends the line of one progress entry (without '\n'): the one encoding of an entry, for
// the walk and for a writer that hashes its entries as it inserts them.
void EncodeEntry(const EntryLine& entry, std::string& line);

// The hash of one encoded record, fed line by line.
class RecordHasher {
 public:
  void Line(std::string_view line);
  domain::Hash Finish() { return hasher_.Finish(); }

 private:
  domain::Hasher hasher_;
};

// A fresh global record id, 32 lower-case hex digits: the seconds since 1970 of `recorded_at`
// (10 digits), then 88 bits from libsodium's random source. Ids of records written one after
// another sort near each other, so a file receiving thousands of them inserts into one end of
// its uid index rather than all over it; every id stays unique by its random part. Older ids
// (all random) stay valid: an id is only ever compared whole. A `recorded_at` that is not a
// timestamp gives an all-random id.
std::string NewRecordUid(std::string_view recorded_at);

}  // namespace plantrack::store
