#pragma once
// Which writes the standing approvals lock. An approval of a unit for a quarter locks that
// quarter for the unit's subtree: every action a unit of the subtree leads or supports, and the
// indicator values those units record. Built once from the tree, the standing approvals and the
// responsibilities, then asked per row, so an import of a million rows asks it cheaply.

#include <cstdint>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/civil_date.h"
#include "domain/signoff.h"

namespace plantrack::domain {

struct StandingApproval {
  int64_t unit = 0;
  Quarter quarter;
  PeriodLock lock;
};

struct Responsibility {
  int64_t action = 0, unit = 0;
};

class PeriodLocks {
 public:
  PeriodLocks() = default;
  PeriodLocks(const UnitLinks& units, const std::vector<StandingApproval>& standing,
              const std::vector<Responsibility>& responsibilities);

  // Moves keep the pointers into locks_ valid; a copy would not.
  PeriodLocks(PeriodLocks&&) = default;
  PeriodLocks& operator=(PeriodLocks&&) = default;
  PeriodLocks(const PeriodLocks&) = delete;
  PeriodLocks& operator=(const PeriodLocks&) = delete;

  bool empty() const { return own_.empty(); }
  // The approval that locks a write dated `on` on the action, if any. When several do, the
  // first met walking up from each responsible unit in the order they were given.
  const PeriodLock* ForAction(int64_t action, const Date& on) const;
  // The approval that locks a value dated `on` recorded by `unit`, if any: the nearest one.
  const PeriodLock* ForUnit(int64_t unit, const Date& on) const;

 private:
  using ByQuarter = std::map<Quarter, const PeriodLock*>;
  static const PeriodLock* Find(const ByQuarter& locks, const Date& on);

  std::vector<PeriodLock> locks_;
  UnitLinks units_;
  std::unordered_map<int64_t, ByQuarter> own_;        // each approved unit's own approvals
  std::unordered_map<int64_t, ByQuarter> by_action_;  // through its responsible units
};

}  // namespace plantrack::domain
