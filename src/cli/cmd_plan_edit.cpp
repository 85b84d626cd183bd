// The coordinators' changes to the plan: `add action|milestone|unit|indicator`, `assign`,
// `unassign`. These are recorded in the journal (see `history`) but are not undoable: a wrong
// addition is corrected by another change.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/filters.h"
#include "cli/writer.h"
#include "domain/numbers.h"
#include "domain/structure_rules.h"
#include "domain/text_rules.h"
#include "store/plan_queries.h"
#include "store/plan_store.h"
#include "store/progress_store.h"

namespace plantrack::cli {
namespace {

// The options each kind of `add` takes; anything else given is refused by name.
const std::map<std::string, std::set<std::string>>& OptionsByKind() {
  static const std::map<std::string, std::set<std::string>> kOptions = {
      {"action",
       {"area", "code", "title-en", "title-zh", "horizon", "start", "due", "weight", "lead",
        "support", "source"}},
      {"milestone", {"action", "code", "title-en", "title-zh", "due"}},
      {"unit", {"slug", "name-en", "name-zh", "kind", "parent", "coordinator", "source"}},
      {"indicator",
       {"code", "name-en", "name-zh", "measure-unit", "direction", "baseline", "baseline-year",
        "target", "source", "scope"}},
  };
  return kOptions;
}

std::string Text(const po::variables_map& args, const char* name) {
  return args.count(name) ? args[name].as<std::string>() : "";
}

// Required text options, and every given text checked for length and control characters.
Status CheckTexts(const po::variables_map& args, std::initializer_list<const char*> required) {
  for (const char* name : required) {
    if (!args.count(name)) return Status::Usage(fmt::format("--{} is required", name));
    // Given but blank: the same refusal as import's for an empty required column.
    if (!domain::SaysSomething(Text(args, name))) {
      std::string field = name;
      std::replace(field.begin(), field.end(), '-', '_');
      return Status::BadData(fmt::format("{} is empty", field));
    }
  }
  for (const char* name :
       {"title-en", "title-zh", "name-en", "name-zh", "measure-unit", "source", "scope"}) {
    if (Result<std::string> text = TextOption(args, name, true); !text.ok()) return text.status();
  }
  return Status::Ok();
}

Result<std::string> DateOption(const po::variables_map& args, const char* name) {
  const std::string text = Text(args, name);
  if (!domain::ParseIsoDate(text)) {
    return Status::BadData(fmt::format("--{} {} is not a valid date (YYYY-MM-DD)", name, text));
  }
  return text;
}

Result<int64_t> UnitId(Context& context, const std::string& slug) {
  if (auto unit = store::FindUnit(*context.db, slug)) return unit->id;
  return store::RequireCode(*context.db, store::CodeKind::kUnit, slug);
}

Status AddAction(Context& context, const po::variables_map& args, store::JournalEntry& journal) {
  if (Status texts = CheckTexts(args, {"area", "code", "title-en", "horizon", "start", "due"});
      !texts.ok()) {
    return texts;
  }
  const std::string area = Text(args, "area"), code = Text(args, "code");
  auto area_id = store::FindAreaId(*context.db, area);
  if (!area_id) return store::RequireCode(*context.db, store::CodeKind::kArea, area);
  if (store::FindAction(*context.db, code)) {
    return Status::BadData(fmt::format("action {} already exists", code));
  }
  Result<std::optional<int>> horizon_option = HorizonOption(args);
  if (!horizon_option.ok()) return horizon_option.status();
  // CheckTexts refused a missing --horizon above.
  const int horizon = horizon_option->value_or(0);
  Result<std::string> start = DateOption(args, "start");
  if (!start.ok()) return start.status();
  Result<std::string> due = DateOption(args, "due");
  if (!due.ok()) return due.status();
  double weight = 1;
  if (args.count("weight")) {
    auto parsed = domain::ParseNumber(Text(args, "weight"));
    if (!parsed) {
      return Status::BadData(
          fmt::format("--weight {} is not a positive number", Text(args, "weight")));
    }
    weight = *parsed;
  }
  // The same rules as import's (domain/structure_rules.h).
  if (auto problem = domain::CheckAction({code, area, horizon, *domain::ParseIsoDate(*start),
                                          *domain::ParseIsoDate(*due), weight})) {
    return Status::BadData(*problem);
  }
  std::vector<std::pair<int64_t, std::string>> roles;
  if (args.count("lead")) {
    Result<int64_t> lead = UnitId(context, Text(args, "lead"));
    if (!lead.ok()) return lead.status();
    roles.emplace_back(*lead, "lead");
  }
  if (args.count("support")) {
    for (const std::string& slug : args["support"].as<std::vector<std::string>>()) {
      Result<int64_t> unit = UnitId(context, slug);
      if (!unit.ok()) return unit.status();
      roles.emplace_back(*unit, "support");
    }
  }
  const int64_t id = store::InsertAction(
      *context.db,
      {*area_id, code, Text(args, "title-en"), Text(args, "title-zh"), horizon, *start, *due,
       weight, args.count("source") ? Text(args, "source") : *context.acting_unit});
  for (const auto& [unit, role] : roles) store::Assign(*context.db, id, unit, role);
  journal.action_id = id;
  journal.subject_id = id;
  journal.detail =
      fmt::format("added action {} ({} to {}, horizon {})", code, *start, *due, horizon);
  return Status::Ok();
}

Status AddMilestone(Context& context, const po::variables_map& args, store::JournalEntry& journal) {
  if (Status texts = CheckTexts(args, {"action", "code", "title-en", "due"}); !texts.ok()) {
    return texts;
  }
  const std::string action_code = Text(args, "action"), code = Text(args, "code");
  auto action = store::FindAction(*context.db, action_code);
  if (!action) return store::RequireCode(*context.db, store::CodeKind::kAction, action_code);
  if (store::FindMilestone(*context.db, code)) {
    return Status::BadData(fmt::format("milestone {} already exists", code));
  }
  if (auto problem = domain::CheckMilestone({code, action->code})) {
    return Status::BadData(*problem);
  }
  Result<std::string> due = DateOption(args, "due");
  if (!due.ok()) return due.status();
  const int64_t id = store::InsertMilestone(
      *context.db, {action->id, code, Text(args, "title-en"), Text(args, "title-zh"), *due});
  journal.action_id = action->id;
  journal.subject_id = id;
  journal.detail = fmt::format("added milestone {} due {}", code, *due);
  return Status::Ok();
}

Status AddUnit(Context& context, const po::variables_map& args, store::JournalEntry& journal) {
  if (Status texts = CheckTexts(args, {"slug", "name-en", "kind", "parent"}); !texts.ok()) {
    return texts;
  }
  const std::string slug = Text(args, "slug"), kind = Text(args, "kind");
  if (store::FindUnit(*context.db, slug)) {
    return Status::BadData(fmt::format("unit {} already exists", slug));
  }
  if (auto problem = domain::CheckUnit({slug, kind})) return Status::BadData(*problem);
  Result<int64_t> parent = UnitId(context, Text(args, "parent"));
  if (!parent.ok()) return parent.status();
  const int64_t id = store::InsertUnit(
      *context.db, {slug, Text(args, "name-en"), Text(args, "name-zh"), kind, *parent,
                    args.count("coordinator") > 0,
                    args.count("source") ? Text(args, "source") : *context.acting_unit});
  journal.subject_id = id;
  journal.detail = fmt::format("added unit {} ({}) under {}", slug, kind, Text(args, "parent"));
  return Status::Ok();
}

Status AddIndicator(Context& context, const po::variables_map& args, store::JournalEntry& journal) {
  if (Status texts = CheckTexts(
          args, {"code", "name-en", "measure-unit", "direction", "baseline", "baseline-year"});
      !texts.ok()) {
    return texts;
  }
  store::NewIndicator indicator;
  indicator.code = Text(args, "code");
  if (store::FindIndicatorId(*context.db, indicator.code)) {
    return Status::BadData(fmt::format("indicator {} already exists", indicator.code));
  }
  indicator.name_en = Text(args, "name-en");
  indicator.name_zh = Text(args, "name-zh");
  indicator.measure_unit = Text(args, "measure-unit");
  indicator.direction = Text(args, "direction");
  auto baseline = domain::ParseNumber(Text(args, "baseline"));
  if (!baseline)
    return Status::BadData(fmt::format("--baseline {} is not a number", Text(args, "baseline")));
  auto year = domain::ParseInteger(Text(args, "baseline-year"));
  if (!year) {
    return Status::BadData(
        fmt::format("--baseline-year {} is not a year", Text(args, "baseline-year")));
  }
  if (auto problem =
          domain::CheckIndicator({indicator.code, indicator.direction, static_cast<int>(*year)})) {
    return Status::BadData(*problem);
  }
  indicator.baseline_value = *baseline;
  indicator.baseline_year = static_cast<int>(*year);
  if (args.count("target")) {
    for (const std::string& target : args["target"].as<std::vector<std::string>>()) {
      const size_t equals = target.find('=');
      auto target_year = domain::ParseInteger(target.substr(0, equals));
      auto value = equals == std::string::npos ? std::nullopt
                                               : domain::ParseNumber(target.substr(equals + 1));
      if (!target_year || !value) {
        return Status::BadData(fmt::format("--target {} is not YEAR=VALUE", target));
      }
      if (auto problem = domain::CheckTargetYear(indicator.code, static_cast<int>(*target_year),
                                                 static_cast<int>(*year))) {
        return Status::BadData(*problem);
      }
      indicator.targets.emplace_back(static_cast<int>(*target_year), *value);
    }
  }
  indicator.source = args.count("source") ? Text(args, "source") : *context.acting_unit;
  indicator.scope = Text(args, "scope");
  journal.subject_id = store::InsertIndicator(*context.db, indicator);
  journal.detail = fmt::format("added indicator {}", indicator.code);
  return Status::Ok();
}

}  // namespace

void DescribeAdd(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()("what", po::value<std::string>()->value_name("KIND")->required(),
                        "action, milestone, unit or indicator")(
      "code", po::value<std::string>(),
      "code of the new action (T2.09), milestone (T2.09-M1) or indicator")(
      "area", po::value<std::string>(), "action: task area, e.g. T2")(
      "title-en", po::value<std::string>(), "action, milestone: English title")(
      "title-zh", po::value<std::string>(), "action, milestone: Chinese title")(
      "horizon", po::value<std::string>(), "action: 2025 or 2035")(
      "start", po::value<std::string>(), "action: start date")("due", po::value<std::string>(),
                                                               "action, milestone: due date")(
      "weight", po::value<std::string>(), "action: weight in its area's percent (default 1)")(
      "lead", po::value<std::string>(), "action: lead unit")(
      "support", po::value<std::vector<std::string>>()->composing(),
      "action: a supporting unit (repeatable)")("action", po::value<std::string>(),
                                                "milestone: its action")(
      "slug", po::value<std::string>(), "unit: its slug, e.g. yuhu-district")(
      "name-en", po::value<std::string>(), "unit, indicator: English name")(
      "name-zh", po::value<std::string>(), "unit, indicator: Chinese name")(
      "kind", po::value<std::string>(),
      "unit: province, city, county, district, department, agency")(
      "parent", po::value<std::string>(), "unit: the unit above it")(
      "coordinator", "unit: may change the plan and write anywhere")(
      "measure-unit", po::value<std::string>(), "indicator: unit of measure, e.g. %")(
      "direction", po::value<std::string>(), "indicator: up or down (lower is better)")(
      "baseline", po::value<std::string>(), "indicator: baseline value")(
      "baseline-year", po::value<std::string>(), "indicator: baseline year")(
      "target", po::value<std::vector<std::string>>()->composing(),
      "indicator: YEAR=VALUE (repeatable)")("scope", po::value<std::string>(),
                                            "indicator: the area the figures cover")(
      "source", po::value<std::string>(), "where it comes from (default: the writing unit)");
  positional.add("what", 1);
}

void DescribeAssign(po::options_description& options,
                    po::positional_options_description& positional) {
  options.add_options()("action", po::value<std::string>()->value_name("ACTION")->required(),
                        "action code")(
      "unit", po::value<std::string>()->value_name("UNIT")->required(), "unit slug")(
      "role", po::value<std::string>()->value_name("ROLE"), "lead or support (assign only)");
  positional.add("action", 1).add("unit", 1);
}

Status RunAdd(Context& context, const po::variables_map& args) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  if (Status allowed = RequireCoordinator(context, *writer, "change the plan"); !allowed.ok())
    return allowed;
  const std::string what = args["what"].as<std::string>();
  auto kind = OptionsByKind().find(what);
  if (kind == OptionsByKind().end()) {
    return Status::Usage(fmt::format("add {}: add action, milestone, unit or indicator", what));
  }
  for (const auto& [name, value] : args) {
    if (value.defaulted() || name == "what") continue;
    if (!IsGlobalOption(name) && !kind->second.contains(name)) {
      return Status::Usage(fmt::format("--{} does not apply to add {}", name, what));
    }
  }
  store::JournalEntry journal = JournalFor(context, *writer, "add-" + what, "");
  Status added = what == "action"      ? AddAction(context, args, journal)
                 : what == "milestone" ? AddMilestone(context, args, journal)
                 : what == "unit"      ? AddUnit(context, args, journal)
                                       : AddIndicator(context, args, journal);
  if (!added.ok()) return added;
  context.db->AppendJournal(journal);
  Report(context, journal.detail, {{"added", what}, {"detail", journal.detail}});
  return Status::Ok();
}

namespace {

// What assign and unassign share: a coordinator writing, an action and a unit, and the unit's
// current role on the action.
struct Assignment {
  store::UnitRef writer;
  store::ActionRef action;
  std::string slug;
  int64_t unit_id = 0;
  std::optional<std::string> current_role;
};

Result<Assignment> AssignmentFrom(Context& context, const po::variables_map& args,
                                  std::string_view what) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  if (Status allowed = RequireCoordinator(context, *writer, what); !allowed.ok()) return allowed;
  const std::string code = args["action"].as<std::string>();
  auto action = store::FindAction(*context.db, code);
  if (!action) return store::RequireCode(*context.db, store::CodeKind::kAction, code);
  Assignment assignment{*writer, *action, args["unit"].as<std::string>(), 0, std::nullopt};
  Result<int64_t> unit = UnitId(context, assignment.slug);
  if (!unit.ok()) return unit.status();
  assignment.unit_id = *unit;
  assignment.current_role = store::RoleOf(*context.db, action->id, *unit);
  return assignment;
}

Status Record(Context& context, const Assignment& a, const char* kind, const std::string& detail,
              const std::string& role) {
  store::JournalEntry journal = JournalFor(context, a.writer, kind, detail);
  journal.action_id = a.action.id;
  context.db->AppendJournal(journal);
  Report(context, detail, {{"action", a.action.code}, {"unit", a.slug}, {"role", role}});
  return Status::Ok();
}

}  // namespace

Status RunAssign(Context& context, const po::variables_map& args) {
  const std::string role = Text(args, "role");
  if (auto problem = domain::CheckRole(role)) return Status::BadData(*problem);
  Result<Assignment> a = AssignmentFrom(context, args, "assign responsibilities");
  if (!a.ok()) return a.status();
  if (a->current_role == role) {
    return Status::BadData(fmt::format("{} is already {} of {}", a->slug, role, a->action.code));
  }
  store::Assign(*context.db, a->action.id, a->unit_id, role);
  return Record(context, *a, "assign",
                a->current_role
                    ? fmt::format("{} changed from {} to {} of {}", a->slug, *a->current_role, role,
                                  a->action.code)
                    : fmt::format("{} assigned as {} of {}", a->slug, role, a->action.code),
                role);
}

Status RunUnassign(Context& context, const po::variables_map& args) {
  if (args.count("role")) return Status::Usage("unassign takes no --role");
  Result<Assignment> a = AssignmentFrom(context, args, "unassign responsibilities");
  if (!a.ok()) return a.status();
  if (!a->current_role) {
    return Status::BadData(fmt::format("{} has no role on {}", a->slug, a->action.code));
  }
  store::Unassign(*context.db, a->action.id, a->unit_id);
  return Record(context, *a, "unassign",
                fmt::format("{} removed as {} of {}", a->slug, *a->current_role, a->action.code),
                "");
}

extern const CommandSpec kAddCommand{
    .name = "add",
    .usage = "action|milestone|unit|indicator [OPTIONS]",
    .summary = "add to the plan (coordinators); see plantrack add --help",
    .summary_zh = "向规划添加内容（协调单位）；见 plantrack add --help",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeAdd,
    .run = RunAdd,
};
extern const CommandSpec kAssignCommand{
    .name = "assign",
    .usage = "ACTION UNIT --role lead|support",
    .summary = "make a unit lead or support an action",
    .summary_zh = "指定单位牵头或配合某项行动",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeAssign,
    .run = RunAssign,
};
extern const CommandSpec kUnassignCommand{
    .name = "unassign",
    .usage = "ACTION UNIT",
    .summary = "remove a unit's role on an action",
    .summary_zh = "取消单位在某项行动中的职责",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeAssign,
    .run = RunUnassign,
};

}  // namespace plantrack::cli
