// `plantrack conflicts [accept|reject ID --reason T]`: the received records kept because they
// collided with this file, and their settlement by a coordinator.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/record_footer.h"
#include "cli/report_inputs.h"
#include "cli/writer.h"
#include "domain/numbers.h"
#include "domain/text_rules.h"
#include "store/conflicts.h"

namespace plantrack::cli {
namespace {

Status Settle(Context& context, const std::vector<std::string>& words,
              const po::variables_map& args) {
  const bool accept = words[0] == "accept";
  if (words.size() != 2)
    return Status::Usage("usage: plantrack conflicts accept|reject ID --reason T");
  std::string id_text = words[1];
  if (!id_text.empty() && id_text[0] == '#') id_text.erase(0, 1);
  const auto id = domain::ParseInteger(id_text);
  if (!id || *id <= 0)
    return Status::BadData(fmt::format("conflict id {} is not a number", words[1]));
  Result<std::string> reason = TextOption(args, "reason");
  if (!reason.ok()) return reason.status();
  if (!domain::SaysSomething(*reason)) {
    return Status::Usage(fmt::format("conflicts {}: say why with --reason", words[0]));
  }
  // The dispatcher holds the write transaction (the command is kWrite, listing included).
  return [&]() -> Status {
    Result<store::UnitRef> writer = Writer(context);
    if (!writer.ok()) return writer.status();
    if (Status allowed = RequireCoordinator(context, *writer, "settle conflicts"); !allowed.ok()) {
      return allowed;
    }
    const int64_t journal_id = context.db->AppendJournal(JournalFor(
        context, *writer, accept ? "conflict-accept" : "conflict-reject",
        fmt::format("conflict #{} {}: {}", *id, accept ? "accepted" : "rejected", *reason)));
    if (Status settled = store::SettleConflict(*context.db, *id,
                                               {accept, *writer, context.now_utc, *reason,
                                                domain::FormatIsoDate(context.today), journal_id});
        !settled.ok()) {
      return settled;
    }
    Report(
        context,
        fmt::format("conflict #{} {} by {}", *id, accept ? "accepted" : "rejected", writer->slug),
        {{"conflict", *id}, {"decision", accept ? "accept" : "reject"}, {"unit", writer->slug}});
    return Status::Ok();
  }();
}

Status PrintConflicts(Context& context) {
  report::Listing listing{{{"id", "id"},
                           {"state", "state"},
                           {"unit", "unit"},
                           {"kind", "kind"},
                           {"reason", "reason"},
                           {"record", "record"},
                           {"packet", "packet"},
                           {"received_at", "received"},
                           {"settled_by", "settled by"}},
                          {}};
  for (const store::ConflictRow& row : store::ListConflicts(*context.db)) {
    listing.rows.push_back({row.id, row.state, row.unit, row.kind, row.reason, row.uid,
                            row.packet.substr(0, 12), row.received_at, row.settled_by});
  }
  report::Render(listing, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

}  // namespace

void DescribeConflicts(po::options_description& options,
                       po::positional_options_description& positional) {
  options.add_options()("words", po::value<std::vector<std::string>>()->value_name("ARGS"),
                        "accept ID | reject ID (nothing: list them)")(
      "reason", po::value<std::string>()->value_name("TEXT"), "why it is accepted or rejected");
  positional.add("words", -1);
}

Status RunConflicts(Context& context, const po::variables_map& args) {
  const auto words = args.count("words") ? args["words"].as<std::vector<std::string>>()
                                         : std::vector<std::string>{};
  if (!words.empty() && (words[0] == "accept" || words[0] == "reject")) {
    return Settle(context, words, args);
  }
  if (!words.empty())
    return Status::Usage("usage: plantrack conflicts [accept|reject ID --reason T]");
  // The listing reads like any reading command: it ends with the record's count and head.
  return WithRecordFooter(context, [&] { return PrintConflicts(context); });
}

extern const CommandSpec kConflictsCommand{
    .name = "conflicts",
    .usage = "[accept|reject ID --reason T]",
    .summary = "received records that collided with this file; settle them (coordinators)",
    .summary_zh = "与本文件冲突的已接收记录；处理它们（协调单位）",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeConflicts,
    .run = RunConflicts,
};

}  // namespace plantrack::cli
