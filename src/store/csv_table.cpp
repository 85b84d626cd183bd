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

bool IsCsvSpace(char c) { return c == ' ' || c == '\t'; }  // what libcsv trims

// State shared with libcsv's C callbacks.
struct Reader {
  std::string_view file;
  const std::function<Status(CsvRecord&)>* on_record = nullptr;
  int line = 0;  // line of the chunk being fed
  CsvRecord record;
  Status status;
  // The strings of records already handed out, kept for their buffers: a million-row file
  // then allocates nothing per field.
  std::vector<std::string> spare;
  std::vector<size_t> ends;  // PlainLine's field ends, reused

  void Field(std::string_view field) {
    if (!status.ok()) return;
    if (record.fields.empty()) record.line = line;
    if (!domain::IsValidUtf8(field)) {
      status = Status::BadData(fmt::format("{}:{}: field {} is not valid UTF-8", file, record.line,
                                           record.fields.size() + 1));
      return;
    }
    // The one place cells are read: the spreadsheet escape of export is undone here, exactly.
    const std::string_view cell = domain::UnescapeCell(field);
    if (spare.empty()) {
      record.fields.emplace_back(cell);
    } else {
      record.fields.push_back(std::move(spare.back()));
      spare.pop_back();
      record.fields.back().assign(cell);
    }
  }

  void RecordEnd() {
    if (status.ok()) status = (*on_record)(record);
    for (std::string& field : record.fields) spare.push_back(std::move(field));
    record.fields.clear();
  }

  // A line that needs none of libcsv's rules, split here: no quote, no carriage return but a
  // final one, no field beginning or ending with a space or tab (libcsv trims those). Such
  // lines are nearly every line of an export, and libcsv's byte-by-byte state machine cost
  // a tenth of a large import. Returns false, having read nothing, for any other line.
  bool PlainLine(std::string_view body) {
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    if (body.empty()) return true;  // a blank line, which libcsv skips
    // Searched with memchr rather than byte by byte: this loop was 4 % of a large import.
    if (body.find('"') != body.npos || body.find('\r') != body.npos) return false;
    ends.clear();
    for (size_t at = body.find(','); at != body.npos; at = body.find(',', at + 1)) {
      ends.push_back(at);
    }
    ends.push_back(body.size());
    for (size_t start = 0; size_t end : ends) {
      if (end > start && (IsCsvSpace(body[start]) || IsCsvSpace(body[end - 1]))) return false;
      start = end + 1;
    }
    for (size_t start = 0; size_t end : ends) {
      Field(body.substr(start, end - start));
      start = end + 1;
    }
    RecordEnd();
    return true;
  }

  static void OnField(void* data, size_t size, void* self) {
    static_cast<Reader*>(self)->Field({static_cast<const char*>(data), data ? size : 0});
  }
  static void OnRecordEnd(int /*terminator*/, void* self) {
    static_cast<Reader*>(self)->RecordEnd();
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
    // Between records (libcsv's ROW_NOT_BEGUN, 0: not inside a quoted field left open by an
    // earlier line) a plain line is split without libcsv.
    if (parser.get()->pstate == 0 && reader.PlainLine(chunk)) continue;
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
