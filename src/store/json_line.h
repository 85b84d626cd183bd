#pragma once
// Writes one JSON object on one line in the canonical form of records and packets: keys in
// the order written, no spaces, strings with only '"', '\' and control characters escaped
// (UTF-8 kept as is), integers in decimal, other numbers in their shortest round-trip form.
// Reading goes through nlohmann-json; writing by hand keeps a million-row record cheap and
// its bytes fixed, whatever a library version's dump() would choose.

#include <cstdint>
#include <string>
#include <string_view>

namespace plantrack::store {

class JsonLine {
 public:
  // Appends to `out`, starting with '{'. Keys are written unescaped: they must be plain names.
  explicit JsonLine(std::string& out);
  void Text(std::string_view key, std::string_view value);
  void Integer(std::string_view key, int64_t value);
  void Number(std::string_view key, double value);
  void Null(std::string_view key);
  void Close();  // appends '}'

 private:
  char* Grow(size_t bytes);  // extends out_ by `bytes`, to be written through the pointer
  void Key(std::string_view key);
  // The key, with room for `more` bytes after it: where they go.
  char* Key(std::string_view key, size_t more);
  void Quoted(std::string_view text);

  std::string& out_;
  bool first_ = true;
};

}  // namespace plantrack::store
