#pragma once
// The status summary: per task area the actions, weighted percent complete, RAG counts,
// overdue milestones and the next milestones due; totals; and a verdict per horizon.

#include <ostream>
#include <string>
#include <vector>

#include "report/assessed.h"
#include "report/listing.h"
#include "store/plan_queries.h"

namespace plantrack::report {

struct AreaStatus : RagCounts {
  std::string code, title_en, title_zh;
  int actions = 0;
  double percent = 0;  // weighted mean of the actions' latest percent
  int overdue_milestones = 0;
  std::vector<store::OpenMilestone> next;  // up to three, soonest first
};

struct HorizonStatus {
  int year = 0;
  int actions = 0, complete = 0, incomplete = 0, overdue = 0;
};

struct StatusModel {
  domain::Date as_of;
  std::vector<AreaStatus> areas;
  AreaStatus total;
  std::vector<HorizonStatus> horizons;
};

// `areas` gives the order and titles; an area without a selected action is left out when
// `keep_empty_areas` is false (a filter is active).
StatusModel BuildStatus(const std::vector<store::AreaRow>& areas,
                        const std::vector<AssessedAction>& actions,
                        const std::vector<store::AreaMilestones>& milestones,
                        const domain::Date& as_of, bool keep_empty_areas);

// "2025 horizon passed 2025-12-31: 14 of 22 actions complete, 8 overdue"
std::string HorizonVerdict(const HorizonStatus& horizon, const domain::Date& as_of,
                           bool zh = false);

void RenderStatus(const StatusModel& model, const RenderOptions& options, std::ostream& out);

}  // namespace plantrack::report
