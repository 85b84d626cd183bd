// Sign-off of a quarter up the unit tree: the writing unit `submit`s its report, a unit above
// it (or a coordinator) `approve`s it, which locks the quarter for the unit's subtree, or
// `reopen`s it with a reason. The rules are domain/signoff.h's; each step is one approval row
// with the command's journal row, so it is part of the record and travels in packets.

#include <fmt/format.h>

#include <map>

#include "cli/commands.h"
#include "cli/writer.h"
#include "store/plan_queries.h"
#include "store/signoff_store.h"

namespace plantrack::cli {
namespace {

Result<domain::Quarter> PeriodArgument(const po::variables_map& args) {
  const std::string text = args["period"].as<std::string>();
  auto quarter = domain::ParseQuarter(text);
  if (!quarter) return Status::Usage(fmt::format("PERIOD {} is not a quarter like 2026Q3", text));
  return *quarter;
}

Result<store::UnitRef> UnitArgument(Context& context, const po::variables_map& args) {
  const std::string slug = args["unit"].as<std::string>();
  if (auto unit = store::FindUnit(*context.db, slug)) return *unit;
  return store::RequireCode(*context.db, store::CodeKind::kUnit, slug);
}

// What approve and reopen both act on: who acts, on which unit's report, for which quarter.
struct Step {
  store::UnitRef writer;
  store::UnitRef unit;
  domain::Quarter quarter;
  std::string period;  // the quarter as written, "2026Q3"
};

Result<Step> StepArguments(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  Result<store::UnitRef> unit = UnitArgument(context, args);
  if (!unit.ok()) return unit.status();
  Result<domain::Quarter> quarter = PeriodArgument(args);
  if (!quarter.ok()) return quarter.status();
  return Step{*writer, *unit, *quarter, domain::FormatQuarter(*quarter)};
}

domain::SignoffState StateOf(Context& context, int64_t unit_id, const std::string& period) {
  auto latest = store::LatestApproval(*context.db, unit_id, period);
  return latest ? latest->State() : domain::SignoffState::kNotSubmitted;
}

// Appends the journal row and the approval row of one sign-off step, and reports it.
void Record(Context& context, const store::UnitRef& writer, const store::UnitRef& unit,
            const std::string& period, const std::string& event, bool partial,
            const std::string& note, const std::string& line) {
  const int64_t journal_id = context.db->AppendJournal(JournalFor(context, writer, event, line));
  store::AppendApproval(
      *context.db, {unit.id, period, event, writer.id, context.now_utc, partial, note, journal_id});
  Report(context, line,
         {{"event", event},
          {"unit", unit.slug},
          {"period", period},
          {"by", writer.slug},
          {"recorded_at", context.now_utc},
          {"partial", partial},
          {"note", note}});
}

}  // namespace

void DescribeSubmit(po::options_description& options,
                    po::positional_options_description& positional) {
  options.add_options()("period", po::value<std::string>()->value_name("PERIOD")->required(),
                        "the quarter, e.g. 2026Q3")(
      "partial", po::bool_switch(), "submit although some led actions have no entry in it")(
      "note", po::value<std::string>()->value_name("TEXT"), "a note (with --partial: why)");
  positional.add("period", 1);
}

void DescribeApprove(po::options_description& options,
                     po::positional_options_description& positional) {
  options.add_options()("unit", po::value<std::string>()->value_name("UNIT")->required(),
                        "the unit whose report is approved")(
      "period", po::value<std::string>()->value_name("PERIOD")->required(),
      "the quarter, e.g. 2026Q3");
  positional.add("unit", 1).add("period", 1);
}

void DescribeReopen(po::options_description& options,
                    po::positional_options_description& positional) {
  DescribeApprove(options, positional);
  options.add_options()("reason", po::value<std::string>()->value_name("TEXT")->required(),
                        "why the report goes back");
}

Status RunSubmit(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  Result<domain::Quarter> quarter = PeriodArgument(args);
  if (!quarter.ok()) return quarter.status();
  const std::string period = domain::FormatQuarter(*quarter);
  if (auto problem = domain::CheckSubmittable(*quarter, context.today)) {
    return Status::BadData(*problem);
  }
  if (auto problem =
          domain::CheckResubmit(writer->slug, *quarter, StateOf(context, writer->id, period))) {
    return Status::BadData(*problem);
  }
  Result<std::string> note = TextOption(args, "note");
  if (!note.ok()) return note.status();
  const bool partial = args["partial"].as<bool>();
  if (partial && note->empty()) return Status::Usage("--partial needs --note saying why");
  std::vector<domain::LeadReport> leads;
  for (store::LeadRow& row : store::LeadsIn(*context.db, *quarter)) {
    if (row.unit_id == writer->id) leads.push_back(std::move(row.report));
  }
  const std::vector<std::string> missing = domain::MissingReports(*quarter, leads);
  std::string listed;
  for (const std::string& code : missing) listed += (listed.empty() ? "" : ", ") + code;
  if (!missing.empty() && !partial) {
    return Status::BadData(fmt::format(
        "{} cannot submit {}: {} action(s) it leads have no entry dated in it: {} (log them, or "
        "submit --partial --note WHY)",
        writer->slug, period, missing.size(), listed));
  }
  std::string line = fmt::format("submitted {} for {}", period, writer->slug);
  if (partial)
    line += fmt::format(" (partial: {}; missing: {})", *note, listed.empty() ? "none" : listed);
  Record(context, *writer, *writer, period, "submit", partial, *note, line);
  return Status::Ok();
}

Status RunApprove(Context& context, const po::variables_map& args) {
  Result<Step> step = StepArguments(context, args);
  if (!step.ok()) return step.status();
  const auto& [writer, unit, quarter, period] = *step;
  const domain::UnitLinks links = store::LoadUnitLinks(*context.db);
  std::map<int64_t, domain::SignoffState> states;
  for (const auto& event : store::LatestApprovals(*context.db, period)) {
    states[event.unit_id] = event.State();
  }
  domain::ApproveRequest request{writer.id, unit.id, quarter, states[unit.id], {}};
  for (int64_t below : store::LeadingUnits(store::LeadsIn(*context.db, quarter), quarter)) {
    if (below != unit.id && links.Within(below, unit.id) &&
        states[below] != domain::SignoffState::kApproved) {
      request.unapproved_below.push_back(below);
    }
  }
  if (auto problem = domain::CheckApprove(links, request)) return Status::BadData(*problem);
  Record(context, writer, unit, period, "approve", false, "",
         fmt::format("approved {} {} by {}: the quarter is locked for {} and the units below it",
                     unit.slug, period, writer.slug, unit.slug));
  return Status::Ok();
}

Status RunReopen(Context& context, const po::variables_map& args) {
  Result<Step> step = StepArguments(context, args);
  if (!step.ok()) return step.status();
  const auto& [writer, unit, quarter, period] = *step;
  Result<std::string> reason = TextOption(args, "reason");
  if (!reason.ok()) return reason.status();
  if (reason->empty()) return Status::BadData("--reason must say why the report goes back");
  const domain::UnitLinks links = store::LoadUnitLinks(*context.db);
  auto latest = store::LatestApproval(*context.db, unit.id, period);
  domain::ReopenRequest request{
      writer.id,    unit.id,
      quarter,      latest ? latest->State() : domain::SignoffState::kNotSubmitted,
      std::nullopt, false};
  if (request.state == domain::SignoffState::kApproved) request.approver = latest->by_unit_id;
  const domain::UnitLinks::Node* node = links.Find(unit.id);
  request.parent_approved =
      node && node->parent &&
      StateOf(context, *node->parent, period) == domain::SignoffState::kApproved;
  if (auto problem = domain::CheckReopen(links, request)) return Status::BadData(*problem);
  Record(context, writer, unit, period, "reopen", false, *reason,
         fmt::format("reopened {} {} by {}: {}", unit.slug, period, writer.slug, *reason));
  return Status::Ok();
}

extern const CommandSpec kSubmitCommand{
    .name = "submit",
    .usage = "PERIOD [--partial --note T]",
    .summary = "declare your unit's report for a quarter complete (needs --as UNIT)",
    .summary_zh = "声明本单位某季度的填报已完成（需要 --as UNIT）",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeSubmit,
    .run = RunSubmit,
};
extern const CommandSpec kApproveCommand{
    .name = "approve",
    .usage = "UNIT PERIOD",
    .summary = "approve a unit's submitted quarter, locking it for its subtree",
    .summary_zh = "审核通过某单位已提交的季度，并为其下属单位锁定该季度",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeApprove,
    .run = RunApprove,
};
extern const CommandSpec kReopenCommand{
    .name = "reopen",
    .usage = "UNIT PERIOD --reason T",
    .summary = "send an approved or submitted quarter back",
    .summary_zh = "退回已审核或已提交的季度",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeReopen,
    .run = RunReopen,
};

}  // namespace plantrack::cli
