#include "cli/commands.h"

namespace plantrack::cli {

std::span<const CommandSpec> Commands() {
  static const CommandSpec kCommands[] = {
      {"init", "[--fixture czt|none] [--force]",
       "create the database file (or migrate it) and load the CZT plan", Access::kCreate, true,
       DescribeInit, RunInit},
      {"info", "", "database path, schema version and row counts", Access::kRead, true,
       DescribeNothing, RunInfo},
      {"areas", "", "list the task areas", Access::kRead, false, DescribeNothing, RunAreas},
      {"units", "[--tree]", "list the responsible units (cities, counties, departments)",
       Access::kRead, false, DescribeUnits, RunUnits},
      {"actions", "[--area T] [--unit U] [--horizon 2025|2035]", "list the action plans",
       Access::kRead, false, DescribeActionFilter, RunActions},
      {"milestones", "[--area T] [--unit U] [--horizon 2025|2035]", "list the milestones",
       Access::kRead, false, DescribeActionFilter, RunMilestones},
      {"status", "[--area T] [--unit U] [--horizon 2025|2035]",
       "the status summary per task area, with a verdict per horizon", Access::kRead, false,
       DescribeActionFilter, RunStatus},
      {"overdue", "[--area T] [--unit U] [--horizon Y] [--rag red,amber] [--fail-on any|red]",
       "overdue and at-risk milestones and actions, worst first", Access::kRead, false,
       DescribeOverdue, RunOverdue},
      {"indicators", "", "indicator values against their targets, with the pace per horizon",
       Access::kRead, false, DescribeNothing, RunIndicators},
      {"audit",
       "[--unit U] [--period 2026Q3 | --from Q --to Q] [--stale-days N] [--fail-on findings]",
       "responsibilities per unit, findings, and reporting completeness per quarter", Access::kRead,
       false, DescribeAudit, RunAudit},
      {"log", "ACTION --percent N [--status S] [--note T] [--on DATE]",
       "record progress on an action (needs --as UNIT or $PLANTRACK_UNIT)", Access::kWrite, false,
       DescribeLog, RunLog},
      {"done", "MILESTONE [--on DATE] [--note T]", "mark a milestone done", Access::kWrite, false,
       DescribeDone, RunDone},
      {"measure", "INDICATOR VALUE [--on DATE] [--note T]", "record an indicator value",
       Access::kWrite, false, DescribeMeasure, RunMeasure},
      {"retract", "LOG_ID --reason T", "withdraw a wrong progress entry (it stays in history)",
       Access::kWrite, false, DescribeRetract, RunRetract},
      {"undo", "", "retract what your last log, measure or done recorded", Access::kWrite, false,
       DescribeNothing, RunUndo},
      {"history", "ACTION", "every entry, retraction, completion and change of an action",
       Access::kRead, false, DescribeHistory, RunHistory},
      {"add", "action|milestone|unit|indicator [OPTIONS]",
       "add to the plan (coordinators); see plantrack add --help", Access::kWrite, false,
       DescribeAdd, RunAdd},
      {"assign", "ACTION UNIT --role lead|support", "make a unit lead or support an action",
       Access::kWrite, false, DescribeAssign, RunAssign},
      {"unassign", "ACTION UNIT", "remove a unit's role on an action", Access::kWrite, false,
       DescribeAssign, RunUnassign},
      {"report", "--html FILE [--unit U]",
       "write a self-contained HTML status report with charts (prints on A4)", Access::kRead, false,
       DescribeReport, RunReport},
  };
  return kCommands;
}

}  // namespace plantrack::cli
