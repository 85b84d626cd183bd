#pragma once
// Which of a packet's records this file holds already, asked for all of them at once before
// any is applied. One probe of the journal's uid index per record, taken as the records come,
// landed all over the index between the packet's own inserts and cost a received record a
// sixth of its time; the same probes in sorted order, before the first insert, walk the index
// once, and each record's answer is then found by its place in the packet.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace plantrack::store {

// A record id as a packet's header line carries it: 32 lowercase hex digits.
using RecordKey = std::array<char, 32>;

// The record id a packet line starts with, if it is a record header (`{"record":"…"`) naming a
// well-formed id; the receiver's own checks of the header come later.
std::optional<RecordKey> RecordKeyOfLine(std::string_view line);

// The one probe of the journal by record id a receiver makes: for a packet's records all at
// once (ProbeAll), and for one record the packet's answers leave to the file (Held).
class RecordPresence {
 public:
  enum class Answer { kAbsent, kPresent, kAskTheFile };

  explicit RecordPresence(SQLite::Database& db);
  ~RecordPresence();

  // Probes the journal for every key: the packet's records in their order, duplicates allowed.
  // `keys` must outlive this object (they are the PacketReader's).
  void ProbeAll(const std::vector<RecordKey>& keys);

  // For the packet's record number `ordinal` (from 0), whose id is `uid`: kPresent (with its
  // journal id) for a record the file held before the receive; kAskTheFile for one the packet
  // carries twice (its first copy may have been applied since) or one not probed (a header the
  // keys did not have); kAbsent otherwise.
  Answer Find(size_t ordinal, std::string_view uid, int64_t* journal_id) const;

  // The journal row holding `uid` now, or 0.
  int64_t Held(std::string_view uid);

 private:
  std::unique_ptr<SQLite::Statement> probe_;
  std::string probed_uid_;                        // bound to probe_, its digits rewritten per probe
  const std::vector<RecordKey>* keys_ = nullptr;  // by ordinal
  std::vector<int64_t> held_;  // by ordinal: the journal id, 0 when absent, -1 when carried twice
};

}  // namespace plantrack::store
