#pragma once
// Overdue milestones and actions and at-risk actions, worst first: most days overdue, then the
// largest shortfall against expected progress, then code.

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "report/assessed.h"
#include "report/status_report.h"

namespace plantrack::report {

struct OverdueItem {
  std::string kind;  // "milestone" or "action"
  std::string code, title_en, title_zh, lead;
  std::string area;
  int horizon = 0;
  std::string due_on;
  int days_overdue = 0;
  double shortfall = 0;  // points below expected progress (actions)
  std::string reason;    // overdue | blocked | delayed | behind-pace | projected-late
  std::string detail;    // "28 points behind", "projected 2036-04-01", "never at this pace"
  std::string rag;       // red | amber
};

// `rags` empty keeps every item; otherwise only items whose rag is in it. `zh` words the
// details in Chinese.
std::vector<OverdueItem> BuildOverdue(const std::vector<AssessedAction>& actions,
                                      const std::vector<store::OpenMilestone>& overdue_milestones,
                                      const domain::Date& as_of, const std::set<std::string>& rags,
                                      bool zh = false);

void RenderOverdue(const std::vector<OverdueItem>& items, const domain::Date& as_of,
                   const RenderOptions& options, std::ostream& out);

}  // namespace plantrack::report
