#pragma once
// Reading CSV files (RFC 4180 through libcsv: quoted fields, embedded newlines, CRLF) with the
// line each record starts on, so every error can say FILE:LINE. A UTF-8 byte-order mark is
// skipped; a field that is not valid UTF-8 is an error. Blank lines are ignored. A cell that
// export escaped for spreadsheets (`'=...`, see domain/csv_cell.h) is read back as it was.

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace plantrack::store {

struct CsvRecord {
  int line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

// Streams `in` record by record (the header is the first record) into `on_record`; stops at the
// first non-OK Status it returns, or at the first malformed record (kBadData, "FILE:LINE: ...");
// a read that fails is kIoError.
Status ReadCsv(std::istream& in, std::string_view file_name,
               const std::function<Status(CsvRecord&)>& on_record);

// A whole file in memory, with its header split off.
struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRecord> records;

  std::optional<size_t> Column(std::string_view name) const;
};

// Parses `text`; the first record is the header, and every other record must have as many
// fields as the header.
Result<CsvTable> ParseCsvTable(std::string_view file_name, std::string_view text);

}  // namespace plantrack::store
