#include "domain/period_locks.h"

namespace plantrack::domain {

PeriodLocks::PeriodLocks(const UnitLinks& units, const std::vector<StandingApproval>& standing,
                         const std::vector<Responsibility>& responsibilities)
    : units_(units) {
  if (standing.empty()) return;
  // Pointers into locks_ stay valid: it is filled once, before any is taken.
  locks_.reserve(standing.size());
  for (const StandingApproval& approval : standing) locks_.push_back(approval.lock);
  for (size_t i = 0; i < standing.size(); ++i) {
    own_[standing[i].unit].emplace(standing[i].quarter, &locks_[i]);
  }
  // Each responsible unit's locks, its own first, then each ancestor's, nearest first (insert
  // keeps the first one met for a quarter); cached per unit, as a unit is responsible for many.
  std::unordered_map<int64_t, ByQuarter> by_unit;
  for (const Responsibility& r : responsibilities) {
    auto [unit_locks, fresh] = by_unit.try_emplace(r.unit);
    if (fresh) {
      std::vector<int64_t> chain{r.unit};
      for (int64_t above : units.Ancestors(r.unit)) chain.push_back(above);
      for (int64_t at : chain) {
        auto found = own_.find(at);
        if (found != own_.end())
          unit_locks->second.insert(found->second.begin(), found->second.end());
      }
    }
    if (!unit_locks->second.empty()) {
      by_action_[r.action].insert(unit_locks->second.begin(), unit_locks->second.end());
    }
  }
}

const PeriodLock* PeriodLocks::Find(const ByQuarter& locks, const Date& on) {
  auto found = locks.find(QuarterOf(on));
  return found == locks.end() ? nullptr : found->second;
}

const PeriodLock* PeriodLocks::ForAction(int64_t action, const Date& on) const {
  if (by_action_.empty()) return nullptr;
  auto found = by_action_.find(action);
  return found == by_action_.end() ? nullptr : Find(found->second, on);
}

const PeriodLock* PeriodLocks::ForUnit(int64_t unit, const Date& on) const {
  if (own_.empty()) return nullptr;
  std::vector<int64_t> chain{unit};
  for (int64_t above : units_.Ancestors(unit)) chain.push_back(above);
  for (int64_t at : chain) {
    auto found = own_.find(at);
    if (found == own_.end()) continue;
    if (const PeriodLock* lock = Find(found->second, on)) return lock;
  }
  return nullptr;
}

}  // namespace plantrack::domain
