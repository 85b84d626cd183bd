#include "store/fixture_loader.h"

#include <fmt/format.h>

#include "store/csv_table.h"
#include "store/plan_import.h"

namespace plantrack::store {

Result<LoadCounts> LoadPlanFiles(Connection& connection, std::span<const EmbeddedFile> files,
                                 int64_t journal_id, const std::string& now_utc,
                                 const std::string& today) {
  Importer importer(connection, {std::nullopt, now_utc, today, journal_id});
  LoadCounts counts;
  for (const KindSpec& spec : KindSpecs()) {
    const std::string name = fmt::format("{}.csv", spec.name);
    const EmbeddedFile* file = nullptr;
    for (const EmbeddedFile& candidate : files) {
      if (candidate.name == name) file = &candidate;
    }
    if (!file) return Status::BadData(fmt::format("the data set has no {}", name));
    Result<CsvTable> table = ParseCsvTable(name, file->text);
    if (!table.ok()) return table.status();
    Result<std::vector<size_t>> positions = ColumnPositions(spec, table->header);
    if (!positions.ok()) {
      return Status::BadData(fmt::format("{}:1: {}", name, positions.status().message()));
    }
    for (const CsvRecord& record : table->records) {
      ImportRow row{name, record.line, {}};
      for (size_t position : *positions) row.fields.push_back(record.fields[position]);
      importer.Add(spec.kind, row);
    }
    counts.emplace_back(name, static_cast<int>(table->records.size()));
  }
  importer.Finish();
  if (importer.error_count() > 0) {
    std::string message;
    for (const std::string& error : importer.errors())
      message += (message.empty() ? "" : "\n") + error;
    return Status::BadData(message);
  }
  return counts;
}

}  // namespace plantrack::store
