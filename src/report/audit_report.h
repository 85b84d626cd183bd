#pragma once
// The responsibility audit: per unit (rolled up through the tree) what it leads and supports
// and how those actions stand; findings about gaps in responsibility and reporting; and
// reporting completeness and timeliness per lead unit and quarter.

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "domain/reporting.h"
#include "report/assessed.h"
#include "report/status_report.h"
#include "store/audit_queries.h"
#include "store/conflicts.h"
#include "store/indicator_queries.h"
#include "store/plan_queries.h"
#include "store/signoff_store.h"

namespace plantrack::report {

struct AreaRoles {
  int leads = 0;
  int supports = 0;
};

// The RAG counts are of the actions it leads or supports.
struct UnitMatrix : RagCounts {
  std::string unit;
  int leads = 0, supports = 0;  // distinct actions, the unit's descendants included
  std::map<std::string, AreaRoles> by_area;
};

// kind: conflict | no-lead | several-leads | never-reported | stale | silent-overdue |
// not-submitted | indicator-unreported | supports-only (informational). `action` holds the
// action, milestone or indicator code the finding is about, the quarter of a not-submitted, or
// the conflict's id as `#ID` (what `conflicts accept|reject` takes).
struct Finding {
  std::string kind, unit, action, detail;
};

struct ReportingRow {
  std::string unit, period;
  domain::QuarterRate rate;
  domain::SignoffState approval = domain::SignoffState::kNotSubmitted;  // the unit's sign-off
};

struct AuditModel {
  domain::Date as_of;
  std::vector<UnitMatrix> units;
  std::vector<Finding> findings;
  std::vector<ReportingRow> reporting;

  // Findings other than the informational supports-only.
  bool HasFindings() const;
};

struct AuditInput {
  // Held by the caller, who may share them with other reports (the HTML report does).
  const std::vector<store::UnitRow>* units = nullptr;  // the tree in pre-order
  const std::vector<store::ResponsibilityRow>* responsibilities = nullptr;
  const std::vector<AssessedAction>* actions = nullptr;
  const std::vector<store::OpenMilestone>* overdue_milestones = nullptr;
  const std::vector<store::IndicatorRow>* indicators = nullptr;
  store::LogSummary log;                        // as of the date
  std::vector<store::DatedReport> reports;      // entries dated in the audited quarters
  std::vector<store::ApprovalEvent> approvals;  // the latest per (unit, quarter), as of the date
  std::vector<store::ConflictRow> conflicts;    // received records kept, not settled yet
};

struct AuditOptions {
  domain::Date as_of;
  std::optional<std::string> unit;  // only this unit and the units below it
  int stale_days = 90;
  domain::Quarter from, to;
  bool zh = false;  // finding details in Chinese
};

AuditModel BuildAudit(const AuditInput& input, const AuditOptions& options);

// json: {"as_of", "units", "findings", "reporting"}; csv: the three tables one after another,
// separated by a blank line; table and md: three titled sections.
void RenderAudit(const AuditModel& model, const RenderOptions& options, std::ostream& out);

}  // namespace plantrack::report
