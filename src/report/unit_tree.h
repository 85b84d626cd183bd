#pragma once
// The unit tree as parent links, for the roll-up questions of the reports: is this unit the
// given one or below it, and which units does an entry by this unit count for.

#include <map>
#include <string>
#include <vector>

#include "store/plan_queries.h"

namespace plantrack::report {

class UnitTree {
 public:
  explicit UnitTree(const std::vector<store::UnitRow>& units) {
    for (const auto& unit : units) parent_[unit.slug] = unit.parent;
  }

  bool Within(const std::string& unit, const std::string& ancestor) const {
    for (const std::string& at : SelfAndAncestors(unit)) {
      if (at == ancestor) return true;
    }
    return false;
  }

  // The unit itself and every unit above it, nearest first.
  std::vector<std::string> SelfAndAncestors(const std::string& unit) const {
    std::vector<std::string> chain;
    // Bounded by the number of units, so a cycle written with raw SQL cannot hang a report.
    for (std::string at = unit; !at.empty() && chain.size() <= parent_.size();) {
      chain.push_back(at);
      auto found = parent_.find(at);
      at = found == parent_.end() ? "" : found->second;
    }
    return chain;
  }

 private:
  std::map<std::string, std::string> parent_;
};

}  // namespace plantrack::report
