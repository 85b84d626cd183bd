#pragma once
// The unit tree as parent links, for the roll-up questions of the reports: is this unit the
// given one or below it, and which units does an entry by this unit count for.

#include <map>
#include <string>
#include <unordered_map>
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

  // The unit itself and every unit above it, nearest first. Walked once per unit and kept: the
  // audit asks for every entry's unit (50,000 times in a province), and a chain built each
  // time cost it a string copy per level.
  const std::vector<std::string>& SelfAndAncestors(const std::string& unit) const {
    auto [found, fresh] = chains_.try_emplace(unit);
    if (!fresh) return found->second;
    std::vector<std::string>& chain = found->second;
    // Bounded by the number of units, so a cycle written with raw SQL cannot hang a report.
    for (std::string at = unit; !at.empty() && chain.size() <= parent_.size();) {
      chain.push_back(at);
      auto parent = parent_.find(at);
      at = parent == parent_.end() ? "" : parent->second;
    }
    return chain;
  }

 private:
  std::map<std::string, std::string> parent_;
  mutable std::unordered_map<std::string, std::vector<std::string>> chains_;
};

}  // namespace plantrack::report
