// Corrections without deletion: `retract` one progress entry, or `undo` the acting unit's last
// writing command (its entries and values are retracted, a milestone it completed reopens).

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/writer.h"
#include "domain/numbers.h"
#include "domain/text_rules.h"
#include "domain/typed.h"
#include "store/period_lock_check.h"
#include "store/plan_store.h"
#include "store/progress_store.h"

namespace plantrack::cli {

void DescribeRetract(po::options_description& options,
                     po::positional_options_description& positional) {
  options.add_options()("id", po::value<std::string>()->value_name("LOG_ID")->required(),
                        "the progress entry's id (see plantrack history ACTION)")(
      "reason", po::value<std::string>()->value_name("TEXT")->required(), "why it is wrong");
  positional.add("id", 1);
}

Status RunRetract(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  const std::string id_text = args["id"].as<std::string>();
  const auto id = domain::ParseEntryId(id_text);  // `661` or `#661`, as plantrack prints ids
  if (!id) return Status::BadData(fmt::format("LOG_ID {} is not an entry id like #661", id_text));
  auto entry = store::FindEntry(*context.db, *id);
  if (!entry) return Status::BadData(fmt::format("there is no progress entry #{}", *id));
  if (entry->retracted) return Status::BadData(fmt::format("entry #{} is already retracted", *id));
  if (entry->unit != writer->slug && !writer->coordinator) {
    return Status::BadData(
        fmt::format("entry #{} was logged by {}, not {}; only {} or a "
                    "coordinator may retract it",
                    *id, entry->unit, writer->slug, entry->unit));
  }
  Result<std::string> reason = TextOption(args, "reason");
  if (!reason.ok()) return reason.status();
  if (!domain::SaysSomething(*reason)) {
    return Status::BadData("reason must say why the entry is wrong (it is empty or only blanks)");
  }
  const int64_t action_id = store::FindAction(*context.db, entry->action)->id;
  if (Status locked = store::RefuseIfLocked(*context.db, store::LockSubject::Action(action_id),
                                            fmt::format("entry #{} dated", *id), entry->logged_on);
      !locked.ok()) {
    return locked;
  }
  store::JournalEntry journal =
      JournalFor(context, *writer, "retract",
                 fmt::format("retracted #{} ({} {}% on {}): {}", *id, entry->action, entry->percent,
                             entry->logged_on, *reason));
  journal.action_id = action_id;
  journal.subject_id = *id;
  const int64_t journal_id = context.db->AppendJournal(journal);
  store::InsertRetraction(*context.db, *id, writer->id, context.now_utc, *reason, journal_id);
  Report(
      context,
      fmt::format("retracted #{}: {} {}% on {} ({})", *id, entry->action, entry->percent,
                  entry->logged_on, *reason),
      {{"retracted", *id}, {"action", entry->action}, {"unit", writer->slug}, {"reason", *reason}});
  return Status::Ok();
}

Status RunUndo(Context& context, const po::variables_map&) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  auto last = store::LastCommandOf(*context.db, writer->id);
  if (!last) return Status::BadData(fmt::format("{} has nothing to undo", writer->slug));
  if (last->kind != "log" && last->kind != "measure" && last->kind != "done") {
    return Status::BadData(fmt::format(
        "{}'s last command cannot be undone ({} at {}: `{}`); only log, measure and done can",
        writer->slug, last->kind, last->recorded_at, last->command));
  }
  // Undoing takes back rows dated in their quarters: a locked one refuses the whole undo.
  if (Status locked = store::RefuseIfRecordLocked(*context.db, last->journal_id); !locked.ok()) {
    return locked;
  }
  const std::string reason = fmt::format("undo of `{}`", last->command);
  store::JournalEntry journal = JournalFor(context, *writer, "undo", reason);
  journal.undoes = last->journal_id;
  journal.action_id = last->action_id;  // so that `history` shows the undo with its action
  if (last->kind == "done") journal.subject_id = last->subject_id;  // the milestone
  std::vector<std::string> undone;
  nlohmann::ordered_json json{{"undone", last->command},
                              {"retracted", nlohmann::ordered_json::array()}};
  // What is still there to undo is found first: someone (a coordinator) may have retracted it
  // already, and then undo writes nothing, not even its journal row.
  const auto entries = store::LiveEntriesOf(*context.db, last->journal_id);
  const auto values = store::LiveValuesOf(*context.db, last->journal_id);
  int64_t journal_id = 0;
  if (last->kind == "done" && last->subject_id) {
    journal_id = context.db->AppendJournal(journal);
    // Not done any more: the transaction, journal row included, is rolled back.
    if (!store::ReopenMilestone(*context.db, *last->subject_id,
                                {writer->id, context.now_utc, journal_id})) {
      return Status::BadData(fmt::format(
          "nothing to undo: the milestone `{}` completed is no longer done", last->command));
    }
    undone.push_back("reopened the milestone");
  } else if (entries.empty() && values.empty()) {
    return Status::BadData(
        fmt::format("nothing to undo: what `{}` recorded was already retracted", last->command));
  }
  if (journal_id == 0) journal_id = context.db->AppendJournal(journal);
  for (const store::EntryRef& entry : entries) {
    store::InsertRetraction(*context.db, entry.id, writer->id, context.now_utc, reason, journal_id);
    undone.push_back(fmt::format("retracted #{} ({} {}% on {})", entry.id, entry.action,
                                 entry.percent, entry.logged_on));
    json["retracted"].push_back(entry.id);
  }
  for (int64_t value : values) {
    store::RetractValue(*context.db, value, writer->id, context.now_utc, reason, journal_id);
    undone.push_back(fmt::format("retracted indicator value #{}", value));
    json["retracted"].push_back(value);
  }
  std::string line = fmt::format("undid `{}`", last->command);
  for (const std::string& item : undone) line += "\n  " + item;
  Report(context, line, json);
  return Status::Ok();
}

extern const CommandSpec kRetractCommand{
    .name = "retract",
    .usage = "LOG_ID --reason T",
    .summary = "withdraw a wrong progress entry (it stays in history)",
    .summary_zh = "撤回错误的进展记录（仍保留在历史中）",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeRetract,
    .run = RunRetract,
};
extern const CommandSpec kUndoCommand{
    .name = "undo",
    .usage = "",
    .summary = "retract what your last log, measure or done recorded",
    .summary_zh = "撤回你上一次 log、measure 或 done 所记录的内容",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = nullptr,
    .run = RunUndo,
};

}  // namespace plantrack::cli
