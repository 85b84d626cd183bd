#pragma once
// The one lock check of every writing path: `log`, `done`, `measure`, `retract`, `undo` and
// `import` each ask it before writing anything dated in a quarter. A write is locked when a
// standing approval covers it (domain/period_locks.h): an approval of a unit above or at a lead
// or support of the action, or above or at the unit recording an indicator value.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/period_locks.h"
#include "domain/status.h"
#include "store/connection.h"

namespace plantrack::store {

// What a write is about: an action's entry, milestone or retraction, or a unit's value.
struct LockSubject {
  static LockSubject Action(int64_t id) { return {id, std::nullopt}; }
  static LockSubject Unit(int64_t id) { return {std::nullopt, id}; }
  std::optional<int64_t> action_id;
  std::optional<int64_t> unit_id;
};

// The standing approvals, of every quarter or of one, with what each covers.
domain::PeriodLocks LoadPeriodLocks(Connection& connection,
                                    const std::optional<domain::Quarter>& only = std::nullopt);

// The approval that locks a write about `subject` dated `on`, if any.
std::optional<domain::PeriodLock> LockCovering(Connection& connection, const LockSubject& subject,
                                               const domain::Date& on);

// kBadData naming the approval (who, when) when the write is locked; `what` names the date's
// role in the message ("--on", "entry #12 dated"). `on` is YYYY-MM-DD.
Status RefuseIfLocked(Connection& connection, const LockSubject& subject, std::string_view what,
                      const std::string& on);

// The same for everything a journal row wrote and `undo` would take back: its live entries,
// its live indicator values and the milestone it completed.
Status RefuseIfRecordLocked(Connection& connection, int64_t journal_id);

// For an import: the approvals loaded once, at the first row that asks, then checked in memory.
class ImportLocks {
 public:
  explicit ImportLocks(Connection& connection) : connection_(connection) {}
  // The refusal when a row about `subject` dated `on` is locked; `what` as above.
  std::optional<std::string> Check(const LockSubject& subject, const domain::Date& on,
                                   std::string_view what);
  // A milestone row of a structure import, completing it on `done_on` (empty: not done): its
  // completion may change only where neither the stored date nor the new one is locked. A row
  // that changes nothing (the plan imported again) passes.
  std::optional<std::string> CheckMilestone(const std::string& code, int64_t action_id,
                                            const std::string& done_on);

 private:
  Connection& connection_;
  std::optional<domain::PeriodLocks> locks_;
};

}  // namespace plantrack::store
