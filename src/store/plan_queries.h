#pragma once
// Read-only views of the plan's structure for the listing commands (areas, units, actions,
// milestones, info). Each list has a fixed order (code order; the unit tree in pre-order) so
// two runs on the same data print the same bytes.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/status.h"
#include "store/codes.h"  // RequireCode, ResolveCode
#include "store/connection.h"

namespace plantrack::store {

struct PlanRow {
  std::string code, title_en, title_zh, issued_on, near_horizon, far_horizon;
};
// The plan of the file; nothing for a file made with `init --fixture none`.
std::optional<PlanRow> LoadPlan(Connection& connection);

struct AreaRow {
  std::string code, title_en, title_zh;
  int64_t actions = 0;
  int64_t milestones = 0;
};

struct UnitRow {
  std::string slug, name_en, name_zh, kind, parent;
  bool coordinator = false;
  int depth = 0;  // 0 for a root of the tree
  int64_t leads = 0;
  int64_t supports = 0;
};

struct ActionFilter {
  std::optional<std::string> area;  // task area code
  std::optional<std::string> unit;  // responsible unit slug, descendants included
  std::optional<int> horizon;       // 2025 or 2035
};

struct ActionRow {
  std::string code, area, title_en, title_zh;
  int horizon = 0;
  std::string start_on, due_on;
  double weight = 1;
  std::string leads, supports;  // comma-separated slugs, sorted
};

struct MilestoneRow {
  std::string code, action, title_en, title_zh, due_on, done_on;
};

std::vector<AreaRow> ListAreas(Connection& connection);
// Sorted by slug, or with `tree` in pre-order (children under their parent, by slug).
std::vector<UnitRow> ListUnits(Connection& connection, bool tree);
// Whether the file has any unit (one before its first import has none): one row read, where
// ListUnits counts every unit's responsibilities.
bool HasUnits(Connection& connection);
std::vector<ActionRow> ListActions(Connection& connection, const ActionFilter& filter);
std::vector<MilestoneRow> ListMilestones(Connection& connection, const ActionFilter& filter);

// Every action's code and every unit's slug by row id, for the passes that read the log by id.
std::unordered_map<int64_t, std::string> ActionCodesById(Connection& connection);
std::unordered_map<int64_t, std::string> UnitSlugsById(Connection& connection);

// Row counts of the main tables, in a fixed order, keyed by the names `info` prints.
std::vector<std::pair<std::string, int64_t>> CountRows(Connection& connection);
int SchemaVersion(Connection& connection);

}  // namespace plantrack::store
