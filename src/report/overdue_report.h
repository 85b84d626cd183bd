#pragma once
// Overdue milestones and actions and at-risk actions, worst first: most days overdue, then the
// largest shortfall against expected progress, then code.

#include <map>
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

// What a page shows of that list: its worst `first` items and, of each task area's red items,
// the worst `per_area`, with how many there are of each. The same items in the same order as
// the head of BuildOverdue's list (no rag filter) and of its red items per area; the items not
// shown are never built (a province has tens of thousands).
struct OverdueDigest {
  std::vector<OverdueItem> worst;
  size_t count = 0;
  std::map<std::string, std::vector<OverdueItem>> red_by_area;  // by task area code
  std::map<std::string, size_t> red_count_by_area;
};
OverdueDigest DigestOverdue(const std::vector<AssessedAction>& actions,
                            const std::vector<store::OpenMilestone>& overdue_milestones,
                            const domain::Date& as_of, bool zh, size_t first, size_t per_area);

void RenderOverdue(const std::vector<OverdueItem>& items, const domain::Date& as_of,
                   const RenderOptions& options, std::ostream& out);

}  // namespace plantrack::report
