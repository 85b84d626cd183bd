// The listing commands: areas, units, actions, milestones. Each builds a report::Listing in a
// fixed order; tables show one title in the chosen language, the other formats carry both.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/filters.h"
#include "cli/report_inputs.h"
#include "report/text_width.h"
#include "store/plan_queries.h"

namespace plantrack::cli {
namespace {

constexpr int kTitleWidth = 56;  // table columns; the other formats are never cut

// Tables are for people, and so is Markdown in Chinese: one title, in the language asked for.
// English Markdown keeps both titles, as its columns always were.
bool ForPeople(const Context& context) {
  return context.format == report::Format::kTable ||
         (context.format == report::Format::kMarkdown && context.lang == Lang::kZh);
}

void AddTitleColumns(const Context& context, report::Listing& listing, const std::string& key) {
  if (ForPeople(context)) {
    listing.columns.push_back({key, key == "name" ? "NAME" : "TITLE", false, "", true});
  } else {
    listing.columns.push_back({key + "_en", key + "_en"});
    listing.columns.push_back({key + "_zh", key + "_zh"});
  }
}

void AddTitleCells(const Context& context, std::vector<report::Cell>& row, const std::string& en,
                   const std::string& zh) {
  if (ForPeople(context)) {
    const std::string& title = context.Text(en, zh);
    row.emplace_back(context.format == report::Format::kTable ? report::Truncate(title, kTitleWidth)
                                                              : title);
  } else {
    row.emplace_back(en);
    row.emplace_back(zh);
  }
}

report::Cell Optional(const std::string& text) {
  return text.empty() ? report::Cell{} : report::Cell{text};
}

}  // namespace

void DescribeUnits(po::options_description& options, po::positional_options_description&) {
  options.add_options()("tree", "show the units as a tree, children under their parent");
}

Status RunAreas(Context& context, const po::variables_map&) {
  report::Listing listing;
  listing.columns.push_back({"code", "CODE"});
  AddTitleColumns(context, listing, "title");
  listing.columns.push_back({"actions", "ACTIONS", true});
  listing.columns.push_back({"milestones", "MILESTONES", true});
  for (const store::AreaRow& area : store::ListAreas(*context.db)) {
    std::vector<report::Cell> row{area.code};
    AddTitleCells(context, row, area.title_en, area.title_zh);
    row.emplace_back(area.actions);
    row.emplace_back(area.milestones);
    listing.rows.push_back(std::move(row));
  }
  report::Render(listing, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

Status RunUnits(Context& context, const po::variables_map& args) {
  const bool tree = args.count("tree") > 0;
  // A tree for people is drawn by indenting the slug; programs get a depth column instead.
  const bool indent = tree && ForPeople(context);
  const bool depth_column = tree && !indent;
  report::Listing listing;
  listing.columns.push_back({"slug", "SLUG"});
  AddTitleColumns(context, listing, "name");
  listing.columns.push_back({"kind", "KIND"});
  listing.columns.push_back({"parent", "PARENT"});
  listing.columns.push_back({"coordinator", "COORD", true});
  listing.columns.push_back({"leads", "LEADS", true});
  listing.columns.push_back({"supports", "SUPPORTS", true});
  if (depth_column) listing.columns.push_back({"depth", "DEPTH", true});
  for (const store::UnitRow& unit : store::ListUnits(*context.db, tree)) {
    std::string slug =
        indent ? std::string(static_cast<size_t>(unit.depth) * 2, ' ') + unit.slug : unit.slug;
    std::vector<report::Cell> row{slug};
    AddTitleCells(context, row, unit.name_en, unit.name_zh);
    row.emplace_back(unit.kind);
    row.emplace_back(Optional(unit.parent));
    row.emplace_back(int64_t{unit.coordinator ? 1 : 0});
    row.emplace_back(unit.leads);
    row.emplace_back(unit.supports);
    if (depth_column) row.emplace_back(int64_t{unit.depth});
    listing.rows.push_back(std::move(row));
  }
  report::Render(listing, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

Status RunActions(Context& context, const po::variables_map& args) {
  Result<store::ActionFilter> filter = FilterFrom(context, args);
  if (!filter.ok()) return filter.status();
  report::Listing listing;
  listing.columns.push_back({"code", "CODE"});
  listing.columns.push_back({"area", "AREA"});
  AddTitleColumns(context, listing, "title");
  listing.columns.push_back({"horizon", "HORIZON", true});
  listing.columns.push_back({"start_on", "START"});
  listing.columns.push_back({"due_on", "DUE"});
  listing.columns.push_back({"weight", "WEIGHT", true});
  listing.columns.push_back({"lead", "LEAD", false, "", false, true});
  listing.columns.push_back({"support", "SUPPORT", false, "", false, true});
  for (const store::ActionRow& action : store::ListActions(*context.db, *filter)) {
    std::vector<report::Cell> row{action.code, action.area};
    AddTitleCells(context, row, action.title_en, action.title_zh);
    row.emplace_back(int64_t{action.horizon});
    row.emplace_back(action.start_on);
    row.emplace_back(action.due_on);
    row.emplace_back(action.weight);
    row.emplace_back(Optional(action.leads));
    row.emplace_back(Optional(action.supports));
    listing.rows.push_back(std::move(row));
  }
  report::Render(listing, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

Status RunMilestones(Context& context, const po::variables_map& args) {
  Result<store::ActionFilter> filter = FilterFrom(context, args);
  if (!filter.ok()) return filter.status();
  report::Listing listing;
  listing.columns.push_back({"code", "CODE"});
  listing.columns.push_back({"action", "ACTION"});
  AddTitleColumns(context, listing, "title");
  listing.columns.push_back({"due_on", "DUE"});
  listing.columns.push_back({"done_on", "DONE"});
  for (const store::MilestoneRow& milestone : store::ListMilestones(*context.db, *filter)) {
    std::vector<report::Cell> row{milestone.code, milestone.action};
    AddTitleCells(context, row, milestone.title_en, milestone.title_zh);
    row.emplace_back(milestone.due_on);
    row.emplace_back(Optional(milestone.done_on));
    listing.rows.push_back(std::move(row));
  }
  report::Render(listing, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

extern const CommandSpec kAreasCommand{
    .name = "areas",
    .usage = "",
    .summary = "list the task areas",
    .summary_zh = "列出任务领域",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = nullptr,
    .run = RunAreas,
};
extern const CommandSpec kUnitsCommand{
    .name = "units",
    .usage = "[--tree]",
    .summary = "list the responsible units (cities, counties, departments)",
    .summary_zh = "列出责任单位（市、县、部门）",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeUnits,
    .run = RunUnits,
};
extern const CommandSpec kActionsCommand{
    .name = "actions",
    .usage = "[--area T] [--unit U] [--horizon 2025|2035]",
    .summary = "list the action plans",
    .summary_zh = "列出行动计划",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeActionFilter,
    .run = RunActions,
};
extern const CommandSpec kMilestonesCommand{
    .name = "milestones",
    .usage = "[--area T] [--unit U] [--horizon 2025|2035]",
    .summary = "list the milestones",
    .summary_zh = "列出里程碑",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeActionFilter,
    .run = RunMilestones,
};

}  // namespace plantrack::cli
