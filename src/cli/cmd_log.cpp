// The departments' write commands: `log` progress on an action, mark a milestone `done`,
// `measure` an indicator. Each runs in the dispatcher's one IMMEDIATE transaction, with its
// journal row.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/writer.h"
#include "domain/entry_rules.h"
#include "domain/numbers.h"
#include "domain/time_order.h"
#include "domain/typed.h"
#include "domain/value_rules.h"
#include "store/entry_facts.h"
#include "store/identity.h"
#include "store/period_lock_check.h"
#include "store/plan_queries.h"
#include "store/plan_store.h"
#include "store/progress_store.h"

namespace plantrack::cli {

void DescribeLog(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()("action", po::value<std::string>()->value_name("ACTION")->required(),
                        "action code, e.g. T2.03")(
      "percent", po::value<std::string>()->value_name("N")->required(), "percent complete, 0-100")(
      "status", po::value<std::string>()->value_name("S"),
      "on-track (default), at-risk, delayed, blocked, or done (default at 100)")(
      "note", po::value<std::string>()->value_name("TEXT"),
      "what happened (up to 2,000 characters)")("on", po::value<std::string>()->value_name("DATE"),
                                                "the day the entry is about (default: today)");
  positional.add("action", 1);
}

void DescribeDone(po::options_description& options,
                  po::positional_options_description& positional) {
  options.add_options()("milestone", po::value<std::string>()->value_name("MILESTONE")->required(),
                        "milestone code, e.g. T2.03-M1")(
      "on", po::value<std::string>()->value_name("DATE"), "the day it was done (default: today)")(
      "note", po::value<std::string>()->value_name("TEXT"), "a note for the journal");
  positional.add("milestone", 1);
}

void DescribeMeasure(po::options_description& options,
                     po::positional_options_description& positional) {
  options.add_options()("indicator", po::value<std::string>()->value_name("INDICATOR")->required(),
                        "indicator code")(
      "value", po::value<std::string>()->value_name("VALUE")->required(), "the measured value")(
      "on", po::value<std::string>()->value_name("DATE"),
      "the day it was measured (default: today)")(
      "note", po::value<std::string>()->value_name("TEXT"), "where the figure comes from");
  positional.add("indicator", 1).add("value", 1);
}

Status RunLog(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  Result<store::ActionRef> action =
      WritableAction(context, *writer, args["action"].as<std::string>());
  if (!action.ok()) return action.status();
  const std::string percent_text = args["percent"].as<std::string>();
  const auto percent = domain::ParseInteger(percent_text);
  if (!percent || *percent < 0 || *percent > 100) {
    return Status::BadData(
        fmt::format("--percent {} is not a whole number from 0 to 100", percent_text));
  }
  Result<std::string> note = TextOption(args, "note");
  if (!note.ok()) return note.status();
  Result<std::string> on = EntryDate(context, args);
  if (!on.ok()) return on.status();
  if (Status locked =
          store::RefuseIfLocked(*context.db, store::LockSubject::Action(action->id), "--on", *on);
      !locked.ok()) {
    return locked;
  }
  const domain::Date day = *domain::ParseIsoDate(*on);
  if (auto problem = domain::CheckEntryStart(action->code, day,
                                             store::ActionStartOn(*context.db, action->id))) {
    return Status::BadData(*problem);
  }
  const domain::Neighbours neighbours = store::NeighboursOf(*context.db, action->id, day);
  std::string status;
  if (args.count("status")) {
    status = domain::FoldCode(args["status"].as<std::string>());
  } else {
    const bool leads =
        writer->coordinator || store::LeadsAction(*context.db, writer->id, action->id);
    status = domain::DefaultStatus(
        static_cast<int>(*percent),
        neighbours.before ? std::optional(neighbours.before->status) : std::nullopt, leads);
  }
  if (auto problem = domain::CheckTimeOrder(
          {action->code, day, static_cast<int>(*percent), status, *note}, neighbours)) {
    return Status::BadData(*problem);
  }
  if (auto warning = domain::OpenMilestonesWarning(action->code, static_cast<int>(*percent), day,
                                                   store::MilestonesOf(*context.db, action->id))) {
    Warn(context, *warning);
  }
  store::JournalEntry journal = JournalFor(
      context, *writer, "log", fmt::format("{} {}% {} on {}", action->code, *percent, status, *on));
  journal.action_id = action->id;
  const int64_t journal_id = context.db->AppendJournal(journal);
  const int64_t id = store::InsertProgress(
      *context.db, {action->id, writer->id, *on, context.now_utc, static_cast<int>(*percent),
                    status, *note, writer->slug, journal_id});
  Report(context,
         fmt::format("logged #{}: {} {}% {} on {} by {}", id, action->code, *percent, status, *on,
                     writer->slug),
         {{"id", id},
          {"action", action->code},
          {"unit", writer->slug},
          {"logged_on", *on},
          {"recorded_at", context.now_utc},
          {"percent", *percent},
          {"status", status},
          {"note", *note}});
  return Status::Ok();
}

Status RunDone(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  auto milestone = store::FindMilestone(*context.db, args["milestone"].as<std::string>());
  if (!milestone) {
    return store::RequireCode(*context.db, store::CodeKind::kMilestone,
                              args["milestone"].as<std::string>());
  }
  const std::string& code = milestone->code;  // as stored, whatever the spelling typed
  Result<store::ActionRef> action = WritableAction(context, *writer, milestone->action);
  if (!action.ok()) return action.status();
  if (!milestone->done_on.empty()) {
    return Status::BadData(fmt::format("{} is already done (on {})", code, milestone->done_on));
  }
  Result<std::string> note = TextOption(args, "note");
  if (!note.ok()) return note.status();
  Result<std::string> on = EntryDate(context, args, "done_on");
  if (!on.ok()) return on.status();
  if (Status locked =
          store::RefuseIfLocked(*context.db, store::LockSubject::Action(action->id), "--on", *on);
      !locked.ok()) {
    return locked;
  }
  // `history` reads the date back from "CODE done on DATE" (store/history_queries.cpp).
  store::JournalEntry journal =
      JournalFor(context, *writer, "done",
                 fmt::format("{} done on {}{}{}", code, *on, note->empty() ? "" : ": ", *note));
  journal.action_id = action->id;
  journal.subject_id = milestone->id;
  const int64_t journal_id = context.db->AppendJournal(journal);
  store::CompleteMilestone(*context.db, milestone->id, *on,
                           {writer->id, context.now_utc, journal_id});
  const bool late = milestone->due_on < *on;
  Report(context,
         fmt::format("done: {} on {} ({} {}) by {}", code, *on, late ? "late, due" : "due",
                     milestone->due_on, writer->slug),
         {{"milestone", code},
          {"action", action->code},
          {"done_on", *on},
          {"due_on", milestone->due_on},
          {"unit", writer->slug},
          {"note", *note}});
  return Status::Ok();
}

Status RunMeasure(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  Result<std::string> resolved = store::ResolveCode(*context.db, store::CodeKind::kIndicator,
                                                    args["indicator"].as<std::string>());
  if (!resolved.ok()) return resolved.status();
  const std::string code = *resolved;
  auto indicator = store::FindIndicator(*context.db, code);
  if (!indicator) return store::RequireCode(*context.db, store::CodeKind::kIndicator, code);
  const std::string value_text = args["value"].as<std::string>();
  auto value = domain::ParseNumber(value_text);
  if (!value) return Status::BadData(fmt::format("value {} is not a finite number", value_text));
  Result<std::string> note = TextOption(args, "note");
  if (!note.ok()) return note.status();
  domain::Date day = context.today;
  if (args.count("on")) {
    const std::string text = args["on"].as<std::string>();
    auto parsed = domain::ParseIsoDate(text);
    if (!parsed) {
      return Status::BadData(fmt::format("--on {} is not a valid date (YYYY-MM-DD)", text));
    }
    day = *parsed;
  }
  const auto far_horizon = domain::ParseIsoDate(store::LoadPlanDates(*context.db).far_horizon);
  const std::string on = domain::FormatIsoDate(day);
  if (auto problem = domain::CheckValueRange(code, indicator->measure_unit, *value)) {
    return Status::BadData(*problem);
  }
  if (auto problem = domain::CheckValueDate(code, day, context.today, indicator->baseline_year,
                                            far_horizon.value_or(domain::Date{}))) {
    return Status::BadData(*problem);
  }
  if (auto problem = domain::CheckNotDuplicate(
          code, day, *value, store::LiveValuesOn(*context.db, indicator->id, on))) {
    return Status::BadData(*problem);
  }
  if (Status locked =
          store::RefuseIfLocked(*context.db, store::LockSubject::Unit(writer->id), "--on", on);
      !locked.ok()) {
    return locked;
  }
  const int64_t journal_id = context.db->AppendJournal(
      JournalFor(context, *writer, "measure", fmt::format("{} = {} on {}", code, *value, on)));
  const int64_t id = store::InsertIndicatorValue(
      *context.db,
      {indicator->id, writer->id, on, context.now_utc, *note, writer->slug, *value, journal_id});
  Report(context,
         fmt::format("measured #{}: {} = {} on {} by {}", id, code, *value, on, writer->slug),
         {{"id", id},
          {"indicator", code},
          {"value", *value},
          {"as_of", on},
          {"unit", writer->slug},
          {"note", *note}});
  return Status::Ok();
}

extern const CommandSpec kLogCommand{
    .name = "log",
    .usage = "ACTION --percent N [--status S] [--note T] [--on DATE]",
    .summary = "record progress on an action (needs --as UNIT or $PLANTRACK_UNIT)",
    .summary_zh = "记录行动进展（需要 --as UNIT 或 $PLANTRACK_UNIT）",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeLog,
    .run = RunLog,
};
extern const CommandSpec kDoneCommand{
    .name = "done",
    .usage = "MILESTONE [--on DATE] [--note T]",
    .summary = "mark a milestone done",
    .summary_zh = "将里程碑标记为完成",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeDone,
    .run = RunDone,
};
extern const CommandSpec kMeasureCommand{
    .name = "measure",
    .usage = "INDICATOR VALUE [--on DATE] [--note T]",
    .summary = "record an indicator value",
    .summary_zh = "记录指标值",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeMeasure,
    .run = RunMeasure,
};

}  // namespace plantrack::cli
