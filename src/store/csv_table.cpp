#include "store/csv_table.h"

#include <csv.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "domain/csv_cell.h"
#include "domain/utf8.h"

namespace plantrack::store {
namespace {

// State shared with libcsv's C callbacks.
struct Reader {
  std::string_view file;
  const std::function<Status(CsvRecord&)>* on_record = nullptr;
  int line = 0;  // line of the chunk being fed
  CsvRecord record;
  Status status;

  static void OnField(void* data, size_t size, void* self_ptr) {
    auto* self = static_cast<Reader*>(self_ptr);
    if (!self->status.ok()) return;
    if (self->record.fields.empty()) self->record.line = self->line;
    std::string_view field(static_cast<const char*>(data), data ? size : 0);
    if (!domain::IsValidUtf8(field)) {
      self->status =
          Status::BadData(fmt::format("{}:{}: field {} is not valid UTF-8", self->file,
                                      self->record.line, self->record.fields.size() + 1));
      return;
    }
    // The one place cells are read: the spreadsheet escape of export is undone here, exactly.
    self->record.fields.emplace_back(domain::UnescapeCell(field));
  }

  static void OnRecordEnd(int /*terminator*/, void* self_ptr) {
    auto* self = static_cast<Reader*>(self_ptr);
    if (self->status.ok()) self->status = (*self->on_record)(self->record);
    self->record.fields.clear();
  }
};

class Parser {
 public:
  Parser() { csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL); }
  ~Parser() { csv_free(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_{};
};

}  // namespace

Status ReadCsv(std::istream& in, std::string_view file_name,
               const std::function<Status(CsvRecord&)>& on_record) {
  Parser parser;
  Reader reader;
  reader.file = file_name;
  reader.on_record = &on_record;
  std::string chunk;
  // Feeding one line at a time is what lets the callbacks know the line number.
  while (reader.status.ok() && std::getline(in, chunk)) {
    ++reader.line;
    if (reader.line == 1 && chunk.rfind("\xEF\xBB\xBF", 0) == 0) chunk.erase(0, 3);
    if (!in.eof()) chunk.push_back('\n');
    size_t used = csv_parse(parser.get(), chunk.data(), chunk.size(), Reader::OnField,
                            Reader::OnRecordEnd, &reader);
    if (used != chunk.size() && reader.status.ok()) {
      return Status::BadData(fmt::format("{}:{}: malformed CSV ({}, near column {})", file_name,
                                         reader.line, csv_strerror(csv_error(parser.get())),
                                         used + 1));
    }
  }
  if (!reader.status.ok()) return reader.status;
  // A read that failed (a device error, a file gone) is not the end of the file.
  if (in.bad()) {
    const int error = errno;
    const std::string where =
        reader.line ? fmt::format("{}:{}", file_name, reader.line) : std::string(file_name);
    return Status::IoError(fmt::format("{}: cannot read the file ({})", where,
                                       error ? std::strerror(error) : "read failed"));
  }
  if (csv_fini(parser.get(), Reader::OnField, Reader::OnRecordEnd, &reader) != 0) {
    return Status::BadData(fmt::format("{}:{}: malformed CSV (a quoted field is not closed)",
                                       file_name,
                                       reader.record.line ? reader.record.line : reader.line));
  }
  return reader.status;
}

std::optional<size_t> CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return std::nullopt;
}

Result<CsvTable> ParseCsvTable(std::string_view file_name, std::string_view text) {
  CsvTable table;
  table.file = std::string(file_name);
  std::istringstream in{std::string(text)};
  Status status = ReadCsv(in, file_name, [&](CsvRecord& record) {
    if (table.header.empty()) {
      table.header = std::move(record.fields);
      return Status::Ok();
    }
    if (record.fields.size() != table.header.size()) {
      return Status::BadData(fmt::format("{}:{}: {} fields where the header has {}", file_name,
                                         record.line, record.fields.size(), table.header.size()));
    }
    table.records.push_back(std::move(record));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (table.header.empty()) return Status::BadData(fmt::format("{}: the file is empty", file_name));
  return table;
}

}  // namespace plantrack::store
