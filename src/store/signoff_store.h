#pragma once
// The approval table: submissions, approvals and reopenings of a unit's quarter, append-only.
// AppendApproval is the one function that writes it, always with the journal row of the
// command, so that every approval row is part of that command's record (record_codec.h) and
// of the chain. The queries here read the states the rules of domain/signoff.h judge.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/civil_date.h"
#include "domain/signoff.h"
#include "store/connection.h"
#include "store/live_entries.h"

namespace plantrack::store {

struct NewApproval {
  int64_t unit_id = 0;
  std::string period;  // 'YYYYQn'
  std::string event;   // submit | approve | reopen
  int64_t by_unit_id = 0;
  std::string recorded_at;
  bool partial = false;
  std::string note;
  int64_t journal_id = 0;  // required: the row of the command writing it (store::AppendJournal)
};
// Appends one approval row and returns its id. Throws std::invalid_argument without a journal
// row: an approval outside a record would travel nowhere and break nothing, silently.
int64_t AppendApproval(Connection& connection, const NewApproval& approval);

// The latest event of a (unit, quarter): its state.
struct ApprovalEvent {
  int64_t unit_id = 0;
  std::string unit, period, event;
  int64_t by_unit_id = 0;
  std::string by, recorded_at;
  bool partial = false;
  std::string note;

  domain::SignoffState State() const;
};
// The latest event of every (unit, quarter), or of those of one quarter, in period then unit
// slug order; with `as_of` (YYYY-MM-DD), only events recorded on or before that day count.
std::vector<ApprovalEvent> LatestApprovals(Connection& connection,
                                           const std::optional<std::string>& period = {},
                                           const std::optional<std::string>& as_of = {});
// The state of one (unit, quarter); nothing when it has no event.
std::optional<ApprovalEvent> LatestApproval(Connection& connection, int64_t unit_id,
                                            const std::string& period);

// The whole unit tree by row id.
domain::UnitLinks LoadUnitLinks(Connection& connection);

// Every (lead unit, action): its dates, and whether a live entry is dated in the quarter.
struct LeadRow {
  int64_t unit_id = 0;
  domain::LeadReport report;
};
std::vector<LeadRow> LeadsIn(Connection& connection, const domain::Quarter& quarter);

// What LeadsIn asks of each action's entries, gathered from a pass over every live entry shared
// with other readers of the log (live_entries.h; the pass must not stop at an as-of date: the
// done date is the first entry at 100 % whenever it was logged).
class LeadFacts : public EntrySink {
 public:
  explicit LeadFacts(const domain::Quarter& quarter);
  void Add(const LiveEntry& entry) override;
  std::unique_ptr<EntrySink> Shard() const override;
  void Merge(EntrySink& shard) override;
  const domain::Quarter& quarter() const { return quarter_; }

 private:
  friend std::vector<LeadRow> LeadsIn(Connection&, const LeadFacts&);
  struct Facts {
    int32_t done_on = 0;  // YYYYMMDD of the first entry at 100 %, 0 for none
    bool reported = false;
  };
  domain::Quarter quarter_;
  int32_t first_, last_;                      // the quarter's days, YYYYMMDD
  std::unordered_map<int64_t, Facts> facts_;  // by action id
};
// LeadsIn(connection, facts.quarter()) from the facts instead of two probes per lead action.
std::vector<LeadRow> LeadsIn(Connection& connection, const LeadFacts& facts);

// The units leading an action expected to report in the quarter.
std::vector<int64_t> LeadingUnits(const std::vector<LeadRow>& leads,
                                  const domain::Quarter& quarter);

}  // namespace plantrack::store
