// `plantrack history ACTION`: every entry, retraction, completion and change of an action, and
// for a record received from another office, the packet it came in and when.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/report_inputs.h"
#include "store/history_queries.h"
#include "store/identity.h"
#include "store/plan_queries.h"
#include "store/plan_store.h"

namespace plantrack::cli {

void DescribeHistory(po::options_description& options,
                     po::positional_options_description& positional) {
  options.add_options()("action", po::value<std::string>()->value_name("ACTION")->required(),
                        "action code, e.g. T2.03, or a milestone's code for its action's history");
  positional.add("action", 1);
}

Status RunHistory(Context& context, const po::variables_map& args) {
  const std::string code = args["action"].as<std::string>();
  auto action = store::FindAction(*context.db, code);
  if (!action) {
    // A milestone's code (`T3.07-M2`) stands for its action: its completions are in there.
    auto milestone = store::FindMilestone(*context.db, code);
    if (!milestone) return store::RequireCode(*context.db, store::CodeKind::kAction, code);
    action = store::ActionRef{milestone->action_id, milestone->action};
  }
  report::Listing listing{{{"when", "RECORDED"},
                           {"event", "EVENT"},
                           {"id", "ID", true},
                           {"unit", "UNIT"},
                           {"on", "ON"},
                           {"percent", "PERCENT", true},
                           {"status", "STATUS"},
                           {"retracted", "RETRACTED"},
                           {"packet", "PACKET"},
                           {"received_at", "RECEIVED"},
                           {"detail", "DETAIL"}},
                          {}};
  // The packet's hash names it in full for programs; people see its first 12 digits, as
  // `receive` and `conflicts` print it. The detail stays last: it is the long free text.
  const bool for_people =
      context.format == report::Format::kTable || context.format == report::Format::kMarkdown;
  auto text = [](const std::string& value) {
    return value.empty() ? report::Cell{} : report::Cell{value};
  };
  for (const store::HistoryEvent& e : store::ActionHistory(*context.db, action->id)) {
    listing.rows.push_back(
        {e.when, e.event, e.id, text(e.unit), text(e.on),
         e.percent ? report::Cell{int64_t{*e.percent}} : report::Cell{}, text(e.status),
         e.event == "log" ? report::Cell{std::string(e.retracted ? "yes" : "no")} : report::Cell{},
         text(for_people ? e.packet.substr(0, 12) : e.packet), text(e.received_at), e.detail});
  }
  report::Render(listing, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

extern const CommandSpec kHistoryCommand{
    .name = "history",
    .usage = "ACTION",
    .summary = "every entry, retraction, completion and change of an action",
    .summary_zh = "行动的每条记录、撤回、完成和变更",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeHistory,
    .run = RunHistory,
};

}  // namespace plantrack::cli
