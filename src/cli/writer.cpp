#include "cli/writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/entry_rules.h"
#include "store/plan_queries.h"
#include "store/replica.h"

namespace plantrack::cli {

Result<store::UnitRef> Writer(Context& context) {
  if (!context.acting_unit) {
    // A replica writes as its own unit unless told otherwise.
    if (auto replica = store::LoadReplica(*context.db)) return replica->unit;
    return Status::Usage("who is writing? give --as UNIT or set PLANTRACK_UNIT");
  }
  if (auto unit = store::FindUnit(*context.db, *context.acting_unit)) return *unit;
  return store::RequireCode(*context.db, store::CodeKind::kUnit, *context.acting_unit);
}

Status RequireCoordinator(const store::UnitRef& writer, std::string_view what) {
  if (writer.coordinator) return Status::Ok();
  return Status::BadData(
      fmt::format("{} is not a coordinator unit: only coordinators may {}", writer.slug, what));
}

Status RequireCoordinator(Context& context, const store::UnitRef& writer, std::string_view what) {
  if (auto replica = store::LoadReplica(*context.db)) {
    return Status::BadData(fmt::format(
        "this file is a replica (of {}): only the master may {}; the plan's structure changes "
        "there and arrives with its next published packet",
        replica->unit.slug, what));
  }
  return RequireCoordinator(writer, what);
}

Status WithDatabase(Context& context, bool write, const std::function<Status()>& body) {
  store::OpenOptions options = context.open;
  options.read_only = !write;
  Result<store::Connection> connection = store::Connection::Open(context.db_path, options);
  if (!connection.ok()) return connection.status();
  context.db = &connection.value();
  Status status = write ? connection->CommandTransaction(body) : body();
  context.db = nullptr;
  return status;
}

Result<store::ActionRef> WritableAction(Context& context, const store::UnitRef& writer,
                                        const std::string& code) {
  auto action = store::FindAction(*context.db, code);
  if (!action) return store::RequireCode(*context.db, store::CodeKind::kAction, code);
  if (writer.coordinator || store::IsResponsible(*context.db, writer.id, action->id)) {
    return *action;
  }
  const auto leads = store::LeadSlugs(*context.db, action->id);
  std::string lead;
  for (const auto& slug : leads) lead += (lead.empty() ? "" : ", ") + slug;
  return Status::BadData(fmt::format("{} is not responsible for {} (lead: {})", writer.slug,
                                     action->code, lead.empty() ? "none" : lead));
}

Result<std::string> EntryDate(Context& context, const po::variables_map& args,
                              std::string_view field) {
  domain::Date on = context.today;
  if (args.count("on")) {
    const std::string text = args["on"].as<std::string>();
    auto parsed = domain::ParseIsoDate(text);
    if (!parsed)
      return Status::BadData(fmt::format("--on {} is not a valid date (YYYY-MM-DD)", text));
    on = *parsed;
  }
  const store::PlanDates plan = store::LoadPlanDates(*context.db);
  if (auto problem =
          domain::CheckEntryDate(on, context.today, domain::ParseIsoDate(plan.issued_on).value(),
                                 domain::ParseIsoDate(plan.far_horizon).value(), field)) {
    return Status::BadData(*problem);
  }
  return domain::FormatIsoDate(on);
}

Result<std::string> TextOption(const po::variables_map& args, const char* name, bool one_line) {
  if (!args.count(name)) return std::string();
  const std::string text = args[name].as<std::string>();
  // The rules name the field, as they do for a file's column: --title-en is title_en.
  std::string field = name;
  std::replace(field.begin(), field.end(), '-', '_');
  if (auto problem = one_line ? domain::CheckLine(field, text) : domain::CheckNote(field, text)) {
    return Status::BadData(*problem);
  }
  return text;
}

store::JournalEntry JournalFor(const Context& context, const store::UnitRef& writer,
                               std::string kind, std::string detail) {
  store::JournalEntry entry;
  entry.unit_id = writer.id;
  entry.recorded_at = context.now_utc;
  entry.command = context.command_line;
  entry.detail = std::move(detail);
  entry.kind = std::move(kind);
  return entry;
}

void Warn(Context& context, const std::string& warning) {
  context.err << context.Say("warning: " + warning) << '\n';
}

void Report(Context& context, const std::string& line, const nlohmann::ordered_json& json) {
  if (context.format == report::Format::kJson) {
    context.out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << '\n';
  } else if (!context.quiet) {
    context.out << context.Say(line) << '\n';
  }
}

}  // namespace plantrack::cli
