#pragma once
// The self-contained HTML status report: one file with inline CSS and SVG, no scripts and no
// external resources, readable offline and printable on A4. It renders the models of the
// status, overdue, audit, trend and evaluate reports and adds no rules of its own. Every text is
// escaped.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "report/approvals_report.h"
#include "report/assessed.h"
#include "report/audit_report.h"
#include "report/evaluation_report.h"
#include "report/overdue_report.h"
#include "report/status_report.h"
#include "report/svg_charts.h"
#include "report/trend_report.h"
#include "store/audit_queries.h"
#include "store/indicator_queries.h"
#include "store/plan_queries.h"

namespace plantrack::report {

struct HeatCell : RagCounts {
  int actions = 0;
  WeightedPercent percent;
};

struct HeatRow {
  std::string unit, name_en, name_zh;
  std::map<std::string, HeatCell> cells;  // by task area code
};

// For each city, the RAG counts and weighted percent complete per task area of the actions it or a
// unit below it is responsible for (lead or support).
std::vector<HeatRow> BuildHeatMap(const std::vector<store::UnitRow>& units,
                                  const std::vector<store::ResponsibilityRow>& responsibilities,
                                  const std::vector<AssessedAction>& actions);

// The indicator panels drawn; the others are counted in a line pointing to `indicators`, so
// their series need not be read.
inline constexpr size_t kMaxIndicatorPanels = 24;

struct IndicatorPanel {
  store::IndicatorRow indicator;
  std::vector<store::IndicatorPoint> values;
};

// The overdue list's rows shown, of the whole plan and of each task area (its red items); the
// others are counted in a line pointing to `overdue`.
inline constexpr size_t kMaxOverdueRows = 50;
inline constexpr size_t kMaxAreaOverdueRows = 10;

struct HtmlReport {
  domain::Date as_of;
  bool zh = false;
  std::optional<store::PlanRow> plan;
  std::string scope;  // "" or the --unit slug
  StatusModel status;
  std::vector<AssessedAction> actions;
  TrendModel trend;  // by quarter
  // The last passed horizon's evaluation (none before 2025 has passed), and what it points into.
  std::unique_ptr<EvaluationInput> evaluation_input;
  std::optional<EvaluationModel> evaluation;
  std::vector<HeatRow> heat;
  OverdueDigest overdue;  // of kMaxOverdueRows and kMaxAreaOverdueRows
  AuditModel audit;
  std::string approvals_period;  // the last complete quarter
  std::vector<ApprovalRow> approvals;
  std::vector<IndicatorPanel> indicators;
  std::string record;       // "record 1234 · head 3f9a1c5e0b7d…", for the footer
  std::string record_head;  // the whole head, shown on hover
};

std::string RenderHtml(const HtmlReport& report);

}  // namespace plantrack::report
