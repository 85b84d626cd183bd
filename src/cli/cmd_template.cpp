// `plantrack template --unit U [--period Q] --out FILE.csv`: the reporting sheet of a unit, for
// offices that report in a spreadsheet. UTF-8 with a byte-order mark (so Excel and WPS show
// the Chinese titles), CRLF lines; `import` reads the filled sheet back (store/sheet.h).

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/report_inputs.h"
#include "store/desk_queries.h"
#include "store/identity.h"
#include "store/plan_queries.h"
#include "store/sheet.h"

namespace plantrack::cli {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string Sheet(Context& context, const store::UnitRef& unit, const domain::Quarter& period) {
  const auto roles = store::RolesOf(*context.db, unit.id);
  store::ActionFilter filter;
  filter.unit = unit.slug;
  std::ostringstream sheet;
  sheet << kByteOrderMark;
  const auto& columns = store::SheetColumns();
  for (size_t i = 0; i < columns.size(); ++i) sheet << (i ? "," : "") << columns[i];
  sheet << "\r\n";
  const std::string quarter = domain::FormatQuarter(period);
  for (const report::AssessedAction& assessed : LoadAssessed(context, filter)) {
    const store::ActionProgress& action = assessed.action;
    auto role = roles.find(action.code);
    const std::vector<std::string> fields{
        action.code,
        action.title_en,
        action.title_zh,
        unit.slug,
        role == roles.end() ? "support" : role->second,
        action.latest ? std::to_string(action.latest->percent) : "",
        action.latest ? action.latest->status : "",
        action.latest ? action.latest->logged_on : "",
        quarter};
    for (const std::string& field : fields) sheet << report::CsvField(field) << ',';
    sheet << ",,,\r\n";  // percent, status, note, logged_on: to fill
  }
  return sheet.str();
}

}  // namespace

void DescribeTemplate(po::options_description& options, po::positional_options_description&) {
  options.add_options()("unit", po::value<std::string>()->value_name("U")->required(),
                        "the reporting unit: its and its subtree's actions")(
      "period", po::value<std::string>()->value_name("Q"),
      "the quarter reported, e.g. 2026Q4 (default: the quarter of the as-of date); an empty "
      "date is its last day")("out", po::value<std::string>()->value_name("FILE")->required(),
                              "the sheet to write (.csv), or - for stdout");
}

Status RunTemplate(Context& context, const po::variables_map& args) {
  const std::string slug = args["unit"].as<std::string>();
  auto unit = store::FindUnit(*context.db, slug);
  if (!unit) return store::RequireCode(*context.db, store::CodeKind::kUnit, slug);
  domain::Quarter period = domain::QuarterOf(context.as_of);
  if (args.count("period")) {
    const std::string text = args["period"].as<std::string>();
    auto parsed = domain::ParseQuarter(text);
    if (!parsed)
      return Status::Usage(fmt::format("--period {} is not a quarter such as 2026Q4", text));
    period = *parsed;
  }
  const std::string sheet = Sheet(context, *unit, period);
  const std::string path = args["out"].as<std::string>();
  if (path == "-") {
    context.out << sheet;
    return context.out ? Status::Ok() : Status::IoError("cannot write the sheet to stdout");
  }
  // Written beside and renamed, so a failed write leaves no half sheet.
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Status::CantCreate(fmt::format("cannot write --out {}", path));
    out << sheet;
    if (!out.flush()) return Status::CantCreate(fmt::format("cannot write --out {}", path));
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    std::filesystem::remove(partial, error);
    return Status::CantCreate(fmt::format("cannot write --out {}", path));
  }
  if (!context.quiet) {
    context.out << context.Say(
        fmt::format("wrote {}: {} sheet of {}; fill percent (and status, note, logged_on), then: "
                    "plantrack --as {} import {}\n",
                    path, domain::FormatQuarter(period), unit->slug, unit->slug, path));
  }
  return Status::Ok();
}

extern const CommandSpec kTemplateCommand{
    .name = "template",
    .usage = "--unit U [--period Q] --out FILE.csv|-",
    .summary = "a unit's reporting sheet to fill in a spreadsheet and import",
    .summary_zh = "单位的填报表，在电子表格中填写后导入",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeTemplate,
    .run = RunTemplate,
};

}  // namespace plantrack::cli
