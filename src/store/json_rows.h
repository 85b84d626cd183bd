#pragma once
// Reading a JSON export (an object whose keys name kinds of rows, each an array of objects)
// row by row through nlohmann's SAX parser, so that a million rows cost the memory of one. A
// field keeps its text: a string as it is, a number as written, null as empty.

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/status.h"

namespace plantrack::store {

struct JsonRow {
  std::string kind;     // the key of the array the row is in
  size_t index = 0;     // its place in that array, from 0
  std::string problem;  // why the row cannot be read ("not an object"), or empty
  std::vector<std::pair<std::string, std::string>> fields;  // name and text, in file order
};

// The keys of the file's top-level object in file order, once the whole file has been checked:
// valid JSON, an object, every key once, every value an array.
Result<std::vector<std::string>> ScanJsonKinds(const std::string& file);

// Calls `on_row` for each element of the arrays whose key is in `kinds`, in file order; the
// other arrays are read and skipped.
Status ReadJsonRows(const std::string& file, const std::set<std::string>& kinds,
                    const std::function<void(const JsonRow&)>& on_row);

}  // namespace plantrack::store
