// `plantrack import FILE... [--dry-run]`: CSV files in the fixtures/export layout (the kind told
// by the header, or --kind) and JSON exports. All or nothing: any bad row rejects the whole
// import, and every problem is listed as FILE:LINE (the first 50, then a count).

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/writer.h"
#include "store/csv_table.h"
#include "store/json_rows.h"
#include "store/plan_import.h"
#include "store/plan_queries.h"
#include "store/sheet.h"

namespace plantrack::cli {
namespace {

// One file's rows of one kind: a CSV file, or one array of a JSON export (read when its turn
// comes).
struct Source {
  store::RowKind kind;
  std::string file;
  std::vector<size_t> positions;  // CSV: where each of the kind's columns is
  bool json = false;
  size_t json_position = 0;  // JSON: the array's place among the file's keys
  bool sheet = false;        // a `template` sheet: positions are of store::SheetColumns
};

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads just the header of a CSV file to tell its kind.
Status ReadCsvKind(const std::string& file, const po::variables_map& args, Source& source) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::NoInput(fmt::format("cannot read {}", file));
  std::vector<std::string> header;
  Status read = store::ReadCsv(in, file, [&](store::CsvRecord& record) {
    header = std::move(record.fields);
    return Status::Found();  // stop after the header
  });
  if (!read.ok() && read.code() != ExitCode::kFound) return read;
  if (header.empty()) return Status::BadData(fmt::format("{}: the file is empty", file));
  if (!args.count("kind") && store::IsSheetHeader(header)) {
    std::vector<size_t> positions;
    for (const std::string& column : store::SheetColumns()) {
      positions.push_back(
          static_cast<size_t>(std::find(header.begin(), header.end(), column) - header.begin()));
    }
    source = {store::RowKind::kProgress, file, positions, false, 0, true};
    return Status::Ok();
  }
  std::optional<store::RowKind> kind = args.count("kind")
                                           ? store::KindNamed(args["kind"].as<std::string>())
                                           : store::KindOfHeader(header);
  if (!kind) {
    return Status::BadData(fmt::format(
        "{}:1: these columns are not a plantrack file (use --kind, see plantrack import --help)",
        file));
  }
  Result<std::vector<size_t>> positions = store::ColumnPositions(store::SpecOf(*kind), header);
  if (!positions.ok())
    return Status::BadData(fmt::format("{}:1: {}", file, positions.status().message()));
  source = {*kind, file, *positions};
  return Status::Ok();
}

// Reads the JSON sources from `first` on that one pass over their file can give in load order
// (the file's arrays in the order of the sorted sources, as `export` writes them), and returns
// the first source it did not read. A file that cannot be read sets `failed` (exit 74).
std::vector<Source>::const_iterator ImportJsonRows(std::vector<Source>::const_iterator first,
                                                   std::vector<Source>::const_iterator end,
                                                   store::Importer& importer, Status& failed) {
  std::set<std::string> kinds;
  auto next = first;
  for (; next != end && next->json && next->file == first->file &&
         (next == first || std::prev(next)->json_position < next->json_position);
       ++next) {
    kinds.emplace(store::SpecOf(next->kind).name);
  }
  store::ImportRow row{first->file, 0, {}};
  Status read = store::ReadJsonRows(first->file, kinds, [&](const store::JsonRow& json) {
    const store::RowKind kind = *store::KindNamed(json.kind);  // one of `kinds`
    row.where = fmt::format("{}:{}[{}]", first->file, json.kind, json.index);
    if (!json.problem.empty()) return importer.Reject(row.where, json.problem);
    const auto& columns = store::SpecOf(kind).columns;
    row.fields.assign(columns.size(), "");
    for (const auto& [name, text] : json.fields) {
      auto column = std::find_if(columns.begin(), columns.end(),
                                 [&](const store::Column& c) { return c.name == name; });
      if (column != columns.end()) row.fields[column - columns.begin()] = text;
    }
    importer.Add(kind, row);
  });
  if (read.code() == ExitCode::kIoError) {
    failed = read;
  } else if (!read.ok()) {
    importer.Reject({}, read.message());  // it names the file
  }
  return next;
}

// A filled sheet: each filled row is a progress row, an empty one is skipped.
void ImportSheetRows(const Source& source, const store::SheetDefaults& defaults,
                     store::Importer& importer) {
  std::ifstream in(source.file, std::ios::binary);
  bool header = true;
  std::vector<std::string> fields(source.positions.size());
  Status read = store::ReadCsv(in, source.file, [&](store::CsvRecord& record) {
    if (header) {
      header = false;
      return Status::Ok();
    }
    const std::string where = fmt::format("{}:{}", source.file, record.line);
    if (record.fields.size() != fields.size()) {
      importer.Reject(where, fmt::format("{} fields where the header has {}", record.fields.size(),
                                         fields.size()));
      return Status::Ok();
    }
    for (size_t i = 0; i < fields.size(); ++i) fields[i] = record.fields[source.positions[i]];
    auto progress = store::SheetRowToProgress(fields, defaults);
    if (!progress.ok()) {
      importer.Reject(where, progress.status().message());
    } else if (*progress) {
      importer.Add(store::RowKind::kProgress,
                   store::ImportRow{source.file, record.line, std::move(**progress)});
    }
    return Status::Ok();
  });
  if (!read.ok()) importer.Reject({}, read.message());  // it names the file and line
}

// A file that cannot be read is one I/O error (74) that ends the import, not a problem of a row.
Status ImportCsvRows(const Source& source, store::Importer& importer) {
  std::ifstream in(source.file, std::ios::binary);
  bool header = true;
  const size_t width = source.positions.size();
  // One row reused for every record, so a large file costs no allocation per row.
  store::ImportRow row{source.file, 0, std::vector<std::string>(width)};
  Status read = store::ReadCsv(in, source.file, [&](store::CsvRecord& record) {
    if (header) {
      header = false;
      return Status::Ok();
    }
    if (record.fields.size() != width) {
      importer.Reject(
          fmt::format("{}:{}", source.file, record.line),
          fmt::format("{} fields where the header has {}", record.fields.size(), width));
      return Status::Ok();
    }
    row.line = record.line;
    for (size_t i = 0; i < width; ++i) {
      // A spreadsheet's line breaks inside a cell arrive as CRLF; notes keep plain newlines.
      std::string& field = record.fields[source.positions[i]];
      for (size_t at = field.find("\r\n"); at != std::string::npos; at = field.find("\r\n", at)) {
        field.erase(at, 1);
      }
      row.fields[i].swap(field);
    }
    importer.Add(source.kind, row);
    return Status::Ok();
  });
  if (read.code() == ExitCode::kIoError) return read;
  if (!read.ok()) importer.Reject({}, read.message());  // it names the file and line
  return Status::Ok();
}

}  // namespace

void DescribeImport(po::options_description& options,
                    po::positional_options_description& positional) {
  options.add_options()(
      "files", po::value<std::vector<std::string>>()->value_name("FILE")->required()->composing(),
      "CSV files (one kind each: plan, task_areas, units, actions, responsibilities, milestones, "
      "indicators, indicator_targets, indicator_values, progress) or a JSON export")(
      "kind", po::value<std::string>()->value_name("KIND"),
      "the kind of every CSV file given, when the header alone does not tell")(
      "dry-run", "check everything and print what would change; write nothing");
  positional.add("files", -1);
}

Status RunImport(Context& context, const po::variables_map& args) {
  // Into a file with no units yet (init --fixture none) the first import is the plan itself,
  // loaded as init loads the CZT data: there is nobody yet to check permissions against.
  const bool bootstrap = !store::HasUnits(*context.db);
  std::optional<store::UnitRef> writer;
  if (!bootstrap) {
    Result<store::UnitRef> acting = Writer(context);
    if (!acting.ok()) return acting.status();
    writer = *acting;
  }
  if (args.count("kind") && !store::KindNamed(args["kind"].as<std::string>())) {
    return Status::Usage(
        fmt::format("--kind {} is not a kind of plantrack file", args["kind"].as<std::string>()));
  }
  const auto files = args["files"].as<std::vector<std::string>>();
  std::vector<Source> sources;
  for (const std::string& file : files) {
    if (EndsWith(file, ".json")) {
      // Checked whole before anything is written; the rows are read when their turn comes.
      Result<std::vector<std::string>> keys = store::ScanJsonKinds(file);
      if (!keys.ok()) return keys.status();
      for (size_t i = 0; i < keys->size(); ++i) {
        auto kind = store::KindNamed((*keys)[i]);
        if (!kind) {
          return Status::BadData(
              fmt::format("{}: '{}' is not a kind of plantrack rows", file, (*keys)[i]));
        }
        sources.push_back({*kind, file, {}, true, i});
      }
      continue;
    }
    Source source;
    if (Status kind = ReadCsvKind(file, args, source); !kind.ok()) return kind;
    sources.push_back(source);
  }
  // Parents before children, whatever the order of the files on the command line.
  std::stable_sort(sources.begin(), sources.end(),
                   [](const Source& a, const Source& b) { return a.kind < b.kind; });

  std::string detail;
  for (const std::string& file : files) detail += (detail.empty() ? "" : " ") + file;
  const bool dry_run = args.count("dry-run") > 0;
  auto body = [&]() -> Status {
    store::JournalEntry journal;
    if (writer) journal = JournalFor(context, *writer, "import", detail);
    journal.recorded_at = context.now_utc;
    journal.command = context.command_line;
    journal.detail = bootstrap ? "bootstrap " + detail : detail;
    journal.kind = "import";
    const int64_t journal_id = context.db->AppendJournal(journal);
    store::Importer importer(
        *context.db, {writer, context.now_utc, domain::FormatIsoDate(context.today), journal_id});
    for (auto source = sources.cbegin(); source != sources.cend();) {
      if (source->json) {
        Status failed;
        source = ImportJsonRows(source, sources.cend(), importer, failed);
        if (!failed.ok()) return failed;
      } else if (source->sheet) {
        ImportSheetRows(*source++, {domain::FormatIsoDate(context.today), context.now_utc},
                        importer);
      } else if (Status read = ImportCsvRows(*source++, importer); !read.ok()) {
        return read;
      }
    }
    importer.Finish();
    if (importer.error_count() > 0) {
      std::string message =
          fmt::format("import refused, nothing written ({} problem{}):", importer.error_count(),
                      importer.error_count() == 1 ? "" : "s");
      for (const std::string& error : importer.errors()) message += "\n  " + error;
      if (importer.error_count() > store::Importer::kMaxListedErrors) {
        message += fmt::format("\n  ... and {} more",
                               importer.error_count() - store::Importer::kMaxListedErrors);
      }
      return Status::BadData(message);
    }
    for (const std::string& warning : importer.warnings()) Warn(context, warning);
    if (importer.warning_count() > store::Importer::kMaxListedErrors) {
      Warn(context, fmt::format("... and {} more",
                                importer.warning_count() - store::Importer::kMaxListedErrors));
    }
    nlohmann::ordered_json json{{"dry_run", dry_run}, {"kinds", nlohmann::ordered_json::object()}};
    std::string lines = dry_run ? "dry run, nothing written; would import:" : "imported:";
    for (const auto& [kind, counts] : importer.counts()) {
      const std::string name(store::SpecOf(kind).name);
      lines += fmt::format("\n  {}: {} added, {} updated, {} skipped as duplicates", name,
                           counts.inserted, counts.updated, counts.skipped);
      json["kinds"][name] = {
          {"added", counts.inserted}, {"updated", counts.updated}, {"skipped", counts.skipped}};
    }
    Report(context, lines, json);
    return Status::Ok();
  };
  return dry_run ? context.db->DryRun(body) : body();
}

extern const CommandSpec kImportCommand{
    .name = "import",
    .usage = "FILE... [--kind KIND] [--dry-run]",
    .summary =
        "import CSV or JSON files: structure upserted by code, entries appended (all or nothing)",
    .summary_zh = "导入 CSV 或 JSON 文件：结构按代码更新，记录追加（要么全部成功，要么不变）",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeImport,
    .run = RunImport,
};

}  // namespace plantrack::cli
