#pragma once
// The working parts of ReceivePacket (packet_receive.h), shared by packet_receive.cpp (the
// stream of records, bookkeeping), packet_structure.cpp (the plan's structure a published packet
// brings) and record_apply.cpp (one record's rows: checks and writes). Not for use outside
// those files.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/civil_date.h"
#include "store/chain.h"
#include "store/entry_facts.h"
#include "store/journal.h"
#include "store/json_line_reader.h"
#include "store/packet_receive.h"
#include "store/period_lock_check.h"
#include "store/plan_import.h"
#include "store/progress_batch.h"
#include "store/progress_store.h"
#include "store/record_codec.h"
#include "store/record_presence.h"

namespace plantrack::store {

// One received record: its header and, until it is judged, its rows.
struct PendingRecord {
  std::string uid, kind, unit, recorded_at, command, detail;
  bool present = false;  // this file holds it already
  std::optional<UnitRef> writer;
  int64_t journal_id = 0;  // once written
  std::vector<FlatLine> rows;
  std::vector<int64_t> row_numbers;
  std::string lines;  // header and rows as received, kept for a conflict
};

class Receiver {
 public:
  Receiver(Connection& connection, const PacketReader* packet, const ReceivePolicy& policy);
  // For a record kept as a conflict in packet `packet_id` and accepted since.
  Receiver(Connection& connection, const ReceivePolicy& policy, int64_t packet_id);
  ~Receiver();
  Result<ReceiveCounts> Run();
  // Writes a stored record (its lines as received) whatever it collides with, as long as what
  // it refers to exists.
  Status ApplyStored(std::string_view lines);

 private:
  // packet_receive.cpp
  Status Line(std::string_view line, int64_t number);
  Status BeginRecord(std::string_view line, const FlatLine& header, int64_t number);
  Status EndRecord();
  Status Refuse(int64_t number, const std::string& why) const;
  Status EnsurePacketRow();
  Status ParseHeader(const FlatLine& header, int64_t number, PendingRecord& record);
  // The journal row holding the record already, -1 for one waiting in this packet's batch, or
  // 0 when this file does not hold it.
  int64_t HeldAt(size_t ordinal, const std::string& uid);

  // packet_structure.cpp
  Status Structure(const FlatLine& row, int64_t number);
  Status FinishStructure();

  // record_apply.cpp
  // A rule the row breaks on its own, or a unit the signer may not vouch for: refuses all.
  Status CheckRow(const FlatLine& row, int64_t number);
  // Why the row cannot be applied to this file as it stands, if it cannot; with `refs_only`,
  // only that what it refers to is missing.
  std::optional<std::string> Collision(const FlatLine& row, bool refs_only);
  // The record's journal row; `first` (its first row, if any) gives the action or milestone.
  // Takes the record's header texts; it keeps its journal id.
  void WriteJournal(PendingRecord& record, const FlatLine* first);
  Status WriteRow(const PendingRecord& record, const FlatLine& row);
  int64_t KeepSettledElsewhere(const FlatLine& settlement);
  void KeepConflict(const PendingRecord& record, const std::string& reason);
  std::optional<UnitRef> Unit(std::string_view slug);
  std::optional<int64_t> Code(const char* table, std::string_view code);
  std::optional<int64_t> RowOfRecord(const char* table, std::string_view reference);
  bool Vouches(const UnitRef& unit);
  bool Retracted(bool entry, int64_t id);  // entry: progress_log, else indicator_value
  // Why a row about `subject` dated `on` is locked here (an approval covers it), if it is.
  std::optional<std::string> Locked(const LockSubject& subject, const domain::Date& on);
  // Writes the waiting journal rows and entries, with the schema's CHECKs back on for whatever
  // is written next: call it before anything reads the log or writes another kind of row.
  Status FlushEntries();
  // The same when the entry batch is full and more entries follow: the CHECKs stay off (the
  // record's rules are theirs, and switching costs every statement a new prepare).
  Status FlushFullBatch();

  Connection& connection_;
  const PacketReader* packet_;  // null when applying an accepted conflict
  ReceivePolicy policy_;
  ReceiveCounts counts_;
  domain::Date today_, issued_on_, far_horizon_;
  std::optional<Importer> structure_;
  std::set<std::pair<std::string, std::string>> responsibilities_;  // (action, unit)
  bool structure_done_ = false;
  std::optional<PendingRecord> record_;
  RecordHasher hasher_;
  std::string hashes_;
  int64_t records_ = 0;
  ProgressBatch batch_;      // entries wait here; FlushEntries before anything reads the log
  JournalBatch journal_;     // and their records' journal rows
  RecordPresence presence_;  // the packet's records probed at once, before any is applied
  std::unordered_set<std::string> conflict_uids_;  // every conflict's uid, this packet's too
  std::map<std::pair<int64_t, int64_t>, bool> responsible_;  // (unit, action)
  // Each action's live entries by date, loaded once and kept as entries are added, so that a
  // packet of many entries on one action reads its series once.
  ActionReads reads_;
  ImportLocks locks_;  // the approvals, loaded at the first row that asks
  std::map<int64_t, std::vector<domain::TimedEntry>> timelines_;
  std::map<std::string, std::optional<UnitRef>, std::less<>> units_;
  std::map<std::string, std::optional<int64_t>, std::less<>> codes_;
  std::map<int64_t, bool> vouched_;
  std::map<int64_t, domain::Date> start_on_;  // per action, read once
  // Links each applied record into the chain with the hash of its lines as received (its
  // encoding), so the commit has no walk to do, and seals the packet's run of them with one row
  // (chain.h); none when applying an accepted conflict.
  std::optional<ChainSealer> sealer_;
  std::optional<IndicatorValueWriter> values_;  // prepared at the first value
};

}  // namespace plantrack::store
