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

// Codes or slugs as small numbers, in the order first met: the audit's roll-ups key their maps
// by (action, unit) for every unit above each of 50,000 last entries and 20,000
// responsibilities in a province, and string-keyed maps were most of the audit's own time.
class Numbers {
 public:
  int Of(const std::string& name) {
    auto [found, fresh] = index_.try_emplace(name, static_cast<int>(index_.size()));
    return found->second;
  }
  int Find(const std::string& name) const {  // -1 when never met
    auto found = index_.find(name);
    return found == index_.end() ? -1 : found->second;
  }
  size_t size() const { return index_.size(); }

 private:
  std::unordered_map<std::string, int> index_;
};

// SelfAndAncestors of the tree, as unit numbers; each chain walked once.
class UnitChains {
 public:
  UnitChains(const UnitTree& tree, Numbers& units) : tree_(tree), units_(units) {}
  const std::vector<int>& Of(const std::string& unit) {
    const int number = units_.Of(unit);
    if (static_cast<size_t>(number) >= chains_.size()) chains_.resize(units_.size());
    std::vector<int>& chain = chains_[static_cast<size_t>(number)];
    if (chain.empty()) {
      for (const std::string& at : tree_.SelfAndAncestors(unit)) chain.push_back(units_.Of(at));
      chains_.resize(units_.size());  // the ancestors may be new numbers
    }
    return chains_[static_cast<size_t>(number)];
  }

 private:
  const UnitTree& tree_;
  Numbers& units_;
  std::vector<std::vector<int>> chains_;
};

}  // namespace plantrack::report
