// `mine`: a unit's own desk. As the writing unit (--as, $PLANTRACK_UNIT, or a replica's own
// unit), the actions it or a unit below it leads or supports, worst first, with what the unit
// has to do next; and the unit's own latest entries, with the ids `retract` takes.
// The colours come from the shared assessment (report/assessed, domain/progress_rules).

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "cli/commands.h"
#include "cli/report_inputs.h"
#include "cli/writer.h"
#include "report/json_stream.h"
#include "report/text_width.h"
#include "report/wording.h"
#include "store/desk_queries.h"

namespace plantrack::cli {
namespace {

constexpr int kNoteWidth = 40;  // notes run to 2,000 characters: tables show their start
constexpr int kDefaultEntries = 10;

// Worst first: red, amber, green, done; then the most overdue, the furthest behind, by code.
bool Worse(const report::AssessedAction& a, const report::AssessedAction& b) {
  if (a.assessment.rag != b.assessment.rag) return a.assessment.rag > b.assessment.rag;
  if (a.assessment.days_overdue != b.assessment.days_overdue)
    return a.assessment.days_overdue > b.assessment.days_overdue;
  if (a.assessment.shortfall != b.assessment.shortfall)
    return a.assessment.shortfall > b.assessment.shortfall;
  return a.action.code < b.action.code;
}

report::Cell Optional(const std::string& text) {
  return text.empty() ? report::Cell{} : report::Cell{text};
}

report::Listing ActionListing(Context& context, const store::UnitRef& unit) {
  // As the listings (cmd_lists.cpp): Markdown in Chinese has one title, as tables do.
  const bool people = context.format == report::Format::kTable ||
                      (context.format == report::Format::kMarkdown && context.lang == Lang::kZh);
  const std::string as_of = domain::FormatIsoDate(context.as_of);
  const domain::Quarter quarter = domain::QuarterOf(context.as_of);
  const auto roles = store::RolesOf(*context.db, unit.id);
  const auto reported = store::ActionsReportedBetween(
      *context.db, unit.id, domain::FormatIsoDate(domain::FirstDay(quarter)), as_of);
  const auto next = store::NextMilestones(*context.db, unit.id, as_of);
  store::ActionFilter filter;
  filter.unit = unit.slug;
  std::vector<report::AssessedAction> actions = LoadAssessed(context, filter);
  std::sort(actions.begin(), actions.end(), Worse);

  report::Listing listing;
  listing.columns = {{"code", "CODE"}, {"role", "ROLE"}};
  if (people) {
    listing.columns.push_back({"title", "TITLE", false, "", true});
  } else {
    listing.columns.push_back({"title_en", "title_en"});
    listing.columns.push_back({"title_zh", "title_zh"});
  }
  listing.columns.push_back({"percent", "%", true});
  listing.columns.push_back({"rag", "RAG", false, "rag"});
  listing.columns.push_back({"reason", "REASON"});
  listing.columns.push_back({"last_logged_on", "LAST LOG"});
  listing.columns.push_back({"next_milestone", "NEXT MILESTONE"});
  listing.columns.push_back({"next_due_on", "DUE"});
  // The quarter is the same on every row: tables name it in the header, CSV (which has no
  // place for it otherwise) carries it as a column.
  const std::string quarter_text = domain::FormatQuarter(quarter);
  const bool quarter_column = context.format == report::Format::kCsv;
  if (quarter_column) listing.columns.push_back({"quarter", "QUARTER"});
  listing.columns.push_back({"quarter_entry", quarter_text + context.Text(" ENTRY", "填报")});
  for (const report::AssessedAction& assessed : actions) {
    const store::ActionProgress& action = assessed.action;
    auto role = roles.find(action.code);
    std::vector<report::Cell> row{action.code,
                                  role == roles.end() ? std::string("support") : role->second};
    if (people) {
      row.emplace_back(context.Text(action.title_en, action.title_zh));
    } else {
      row.emplace_back(action.title_en);
      row.emplace_back(action.title_zh);
    }
    row.emplace_back(action.latest ? report::Cell{int64_t{action.latest->percent}}
                                   : report::Cell{});
    row.emplace_back(domain::RagName(assessed.assessment.rag));
    row.emplace_back(Optional(domain::ReasonName(assessed.assessment.reason)));
    row.emplace_back(action.latest ? report::Cell{action.latest->logged_on} : report::Cell{});
    auto milestone = next.find(action.code);
    row.emplace_back(milestone == next.end() ? report::Cell{}
                                             : report::Cell{milestone->second.code});
    row.emplace_back(milestone == next.end() ? report::Cell{}
                                             : report::Cell{milestone->second.due_on});
    if (quarter_column) row.emplace_back(quarter_text);
    row.emplace_back(std::string(reported.contains(action.code) ? "yes" : "no"));
    listing.rows.push_back(std::move(row));
  }
  return listing;
}

report::Listing EntryListing(Context& context, const store::UnitRef& unit, int limit) {
  report::Listing listing;
  listing.columns = {{"id", "ID", true},          {"action", "ACTION"},      {"logged_on", "DATE"},
                     {"percent", "%", true},      {"status", "STATUS"},      {"note", "NOTE"},
                     {"recorded_at", "RECORDED"}, {"retracted", "RETRACTED"}};
  const bool people = context.format == report::Format::kTable;
  for (const store::OwnEntry& entry :
       store::RecentEntriesOf(*context.db, unit.id, domain::FormatIsoDate(context.as_of), limit)) {
    listing.rows.push_back(
        {entry.id, entry.action, entry.logged_on, int64_t{entry.percent}, entry.status,
         Optional(people ? report::Truncate(entry.note, kNoteWidth) : entry.note),
         entry.recorded_at, std::string(entry.retracted ? "yes" : "no")});
  }
  return listing;
}

std::string Rendered(const report::Listing& listing, const report::RenderOptions& options) {
  std::ostringstream text;
  report::Render(listing, options, text);
  return text.str();
}

}  // namespace

void DescribeMine(po::options_description& options, po::positional_options_description&) {
  options.add_options()("entries", "only the unit's own recent entries (the ids retract takes)")(
      "limit", po::value<int>()->value_name("N")->default_value(kDefaultEntries),
      "how many recent entries to show");
}

Status RunMine(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> unit = Writer(context);
  if (!unit.ok()) return unit.status();
  const int limit = args["limit"].as<int>();
  if (limit < 0) return Status::Usage(fmt::format("--limit {} is not 0 or more", limit));
  const report::RenderOptions options = RenderOptionsOf(context);
  const bool zh = options.zh;
  if (args.count("entries")) {
    report::Render(EntryListing(context, *unit, limit), options, context.out);
    return Status::Ok();
  }
  const report::Listing actions = ActionListing(context, *unit);
  switch (context.format) {
    case report::Format::kCsv:  // one table per CSV: the entries come with --entries
      report::Render(actions, options, context.out);
      return Status::Ok();
    case report::Format::kJson: {
      // The listings' JSON placed as it is (not parsed and printed again: ten thousand actions).
      report::JsonStream json(context.out);
      json.Object()
          .Key("unit")
          .Value(unit->slug)
          .Key("as_of")
          .Value(domain::FormatIsoDate(context.as_of))
          .Key("quarter")
          .Value(domain::FormatQuarter(domain::QuarterOf(context.as_of)))
          .Key("actions")
          .Dumped(Rendered(actions, options))
          .Key("entries")
          .Dumped(Rendered(EntryListing(context, *unit, limit), options))
          .End();
      context.out << '\n';
      return Status::Ok();
    }
    case report::Format::kMarkdown:
      context.out << report::Phrase(zh, "## {}: actions, worst first\n\n",
                                    "## {}：负责的行动（最差在前）\n\n", unit->slug)
                  << Rendered(actions, options)
                  << report::Phrase(zh, "\n## {}: recent entries\n\n", "\n## {}：最近的记录\n\n",
                                    unit->slug)
                  << Rendered(EntryListing(context, *unit, limit), options);
      return Status::Ok();
    case report::Format::kTable:
      break;
  }
  context.out << report::Phrase(zh, "{}: {} actions, as of {}\n", "{}：{} 项行动，截至 {}\n",
                                unit->slug, actions.rows.size(),
                                domain::FormatIsoDate(context.as_of))
              << Rendered(actions, options)
              << report::Phrase(zh, "\nRecent entries (plantrack retract ID --reason T)\n",
                                "\n最近的记录（撤回：plantrack retract 编号 --reason 原因）\n")
              << Rendered(EntryListing(context, *unit, limit), options);
  return Status::Ok();
}

extern const CommandSpec kMineCommand{
    .name = "mine",
    .usage = "[--entries] [--limit N]",
    .summary = "your unit's desk: its actions worst first, this quarter's entries, recent entries",
    .summary_zh = "本单位工作台：行动按严重程度排列、本季度填报、近期记录",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeMine,
    .run = RunMine,
};

}  // namespace plantrack::cli
