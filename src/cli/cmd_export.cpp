// `plantrack export`: everything, in the import format, as one CSV file per kind in a folder or
// as one JSON object keyed by kind. Both carry the record's count and head (the JSON as its last
// field "record", the CSV folder as record.json), so an export names the state it was taken from.

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/record_footer.h"
#include "report/listing.h"
#include "store/plan_export.h"

namespace plantrack::cli {
namespace {

using Json = nlohmann::ordered_json;

Json ValueJson(const store::ExportValue& value) {
  switch (value.type) {
    case store::ExportValue::Type::kInteger:
      return std::stoll(value.text);
    case store::ExportValue::Type::kReal:
      return std::stod(value.text);
    case store::ExportValue::Type::kNull:
      return nullptr;
    case store::ExportValue::Type::kText:
      break;
  }
  return value.text;
}

Status ExportJson(Context& context, std::ostream& out) {
  // Written kind by kind and row by row, so a large file is never held as one JSON value.
  out << "{";
  bool first_kind = true;
  for (const store::KindSpec& spec : store::KindSpecs()) {
    out << (first_kind ? "\n  " : ",\n  ") << report::JsonString(spec.name) << ": [";
    first_kind = false;
    bool first_row = true;
    store::ExportRows(*context.db, spec.kind, [&](const std::vector<store::ExportValue>& values) {
      Json row = Json::object();
      for (size_t i = 0; i < values.size(); ++i)
        row[std::string(spec.columns[i].name)] = ValueJson(values[i]);
      out << (first_row ? "\n    " : ",\n    ")
          << row.dump(-1, ' ', false, Json::error_handler_t::replace);
      first_row = false;
    });
    out << (first_row ? "]" : "\n  ]");
  }
  out << ",\n  \"record\": " << RecordJson(*context.record) << "\n}\n";
  return Status::Ok();
}

Status CreateFolder(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    return Status::CantCreate(
        fmt::format("cannot create --out {}: {}", folder.string(), error.message()));
  }
  return Status::Ok();
}

// One file per kind. Every file is written and checked before any is renamed into place, so a
// full disk leaves the folder as it was, not with some kinds new and some old or empty.
Status ExportCsv(Context& context, const std::filesystem::path& folder) {
  if (Status created = CreateFolder(folder); !created.ok()) return created;
  std::vector<std::unique_ptr<OutputFile>> files;
  std::vector<int> counts;
  for (const store::KindSpec& spec : store::KindSpecs()) {
    const std::filesystem::path path = folder / fmt::format("{}.csv", spec.name);
    Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path, path.string());
    if (!file.ok()) return file.status();
    std::ostream& out = (*file)->stream();
    for (size_t i = 0; i < spec.columns.size(); ++i) out << (i ? "," : "") << spec.columns[i].name;
    out << '\n';
    int rows = 0;
    store::ExportRows(*context.db, spec.kind, [&](const std::vector<store::ExportValue>& values) {
      for (size_t i = 0; i < values.size(); ++i)
        out << (i ? "," : "") << report::CsvField(values[i].text);
      out << '\n';
      ++rows;
    });
    if (Status finished = (*file)->Finish(); !finished.ok()) return finished;
    files.push_back(std::move(*file));
    counts.push_back(rows);
  }
  // Beside the CSV files, in the JSON export's shape, so importing it adds nothing; written and
  // renamed with them.
  const std::filesystem::path record_path = folder / "record.json";
  Result<std::unique_ptr<OutputFile>> record =
      OutputFile::Create(record_path, record_path.string());
  if (!record.ok()) return record.status();
  (*record)->stream() << "{\n  \"record\": " << RecordJson(*context.record) << "\n}\n";
  if (Status finished = (*record)->Finish(); !finished.ok()) return finished;
  files.push_back(std::move(*record));
  for (auto& file : files) {
    if (Status committed = file->Commit(); !committed.ok()) return committed;
  }
  for (size_t i = 0; i < counts.size() && !context.quiet; ++i) {
    context.out << context.Say(
        fmt::format("wrote {} ({} rows)\n", files[i]->target().string(), counts[i]));
  }
  if (!context.quiet) {
    context.out << context.Say(
        fmt::format("wrote {} ({})\n", record_path.string(), FooterLine(*context.record)));
  }
  return Status::Ok();
}

}  // namespace

void DescribeExport(po::options_description& options, po::positional_options_description&) {
  options.add_options()("out", po::value<std::string>()->value_name("DIR"),
                        "folder for the CSV files (needed for csv); with --format json, the file "
                        "DIR/plantrack.json (default, or -: standard output)");
}

Status RunExport(Context& context, const po::variables_map& args) {
  context.record_shown = true;  // in the exported files themselves
  const bool json = context.format == report::Format::kJson;
  if (!json && context.format != report::Format::kCsv && context.format != report::Format::kTable) {
    return Status::Usage("export writes csv (the default) or json");
  }
  const bool to_stdout = !args.count("out") || args["out"].as<std::string>() == "-";
  if (json) {
    if (to_stdout) return ExportJson(context, context.out);
    const std::filesystem::path folder = args["out"].as<std::string>();
    if (Status created = CreateFolder(folder); !created.ok()) return created;
    const std::filesystem::path path = folder / "plantrack.json";
    Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path, path.string());
    if (!file.ok()) return file.status();
    if (Status written = ExportJson(context, (*file)->stream()); !written.ok()) return written;
    return (*file)->Commit();
  }
  if (to_stdout) return Status::Usage("export as csv needs --out DIR (one file per kind)");
  return ExportCsv(context, args["out"].as<std::string>());
}

extern const CommandSpec kExportCommand{
    .name = "export",
    .usage = "[--out DIR] [--format csv|json]",
    .summary = "everything, in the import format",
    .summary_zh = "以导入格式导出全部内容",
    .access = Access::kRead,
    .check_integrity = false,
    .describe = DescribeExport,
    .run = RunExport,
};

}  // namespace plantrack::cli
