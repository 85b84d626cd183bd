#include "cli/report_inputs.h"

#include "cli/filters.h"
#include "store/audit_queries.h"
#include "store/indicator_queries.h"
#include "store/status_queries.h"

namespace plantrack::cli {

std::vector<report::AssessedAction> LoadAssessed(Context& context,
                                                 const store::ActionFilter& filter) {
  return report::AssessActions(
      store::LoadActionProgress(*context.db, filter, domain::FormatIsoDate(context.as_of)),
      context.as_of);
}

report::StatusModel LoadStatus(Context& context, const store::ActionFilter& filter,
                               const std::vector<report::AssessedAction>& actions) {
  return report::BuildStatus(
      store::ListAreas(*context.db), actions,
      store::SummariseMilestones(*context.db, filter, domain::FormatIsoDate(context.as_of)),
      context.as_of, !HasFilter(filter));
}

std::vector<report::OverdueItem> LoadOverdue(Context& context, const store::ActionFilter& filter,
                                             const std::vector<report::AssessedAction>& actions,
                                             const std::set<std::string>& rags) {
  return report::BuildOverdue(
      actions,
      store::LoadOverdueMilestones(*context.db, filter, domain::FormatIsoDate(context.as_of)),
      context.as_of, rags, context.lang == Lang::kZh);
}

report::AuditModel LoadAudit(Context& context, const report::AuditOptions& options,
                             const std::vector<report::AssessedAction>* all_actions) {
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  store::LogSummary log = store::SummariseLog(*context.db, as_of);
  report::AuditInput input{
      store::ListUnits(*context.db, true),
      store::ListResponsibilities(*context.db),
      all_actions ? *all_actions : LoadAssessed(context, {}),
      std::move(log.last_logs),
      std::move(log.done_dates),
      store::ReportsBetween(*context.db, domain::FormatIsoDate(domain::FirstDay(options.from)),
                            domain::FormatIsoDate(domain::LastDay(options.to)), as_of),
      store::LoadOverdueMilestones(*context.db, {}, as_of),
      store::LoadIndicators(*context.db, as_of)};
  report::AuditOptions worded = options;
  worded.zh = context.lang == Lang::kZh;
  return report::BuildAudit(input, worded);
}

report::RenderOptions RenderOptionsOf(const Context& context) {
  return {context.format, context.lang == Lang::kZh, context.color, context.width};
}

}  // namespace plantrack::cli
