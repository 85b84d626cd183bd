#pragma once
// Writes JSON value by value in exactly the text nlohmann's dump(2) gives for the whole document,
// so a long report streams its items instead of building one document first (which, for two
// thousand indicators or ten thousand actions, costs more than the query and holds it all in
// memory). Strings and numbers are printed by nlohmann itself, invalid UTF-8 replaced as the
// reports' dump does.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace plantrack::report {

// Printable ASCII other than the quote and the backslash: what nlohmann prints as it is, between
// quotes. Codes, dates and keys are; anything else goes through nlohmann.
bool PlainJsonText(std::string_view text);

class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) {}
  ~JsonStream() { Flush(); }
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  // Opens an object or array as the next value; End closes the innermost one.
  JsonStream& Object();
  JsonStream& Array();
  JsonStream& End();
  // The next member's name (inside an object).
  JsonStream& Key(std::string_view key);
  // A whole value: a scalar, or a small object or array printed at the current depth.
  JsonStream& Value(const nlohmann::ordered_json& value);
  JsonStream& Value(std::string_view text);
  JsonStream& Value(const std::string& text) { return Value(std::string_view(text)); }
  JsonStream& Value(const char* text) { return Value(std::string_view(text)); }
  JsonStream& Value(std::nullptr_t) { return Value(nlohmann::ordered_json()); }
  // A value already printed by dump(2) (or Render's JSON) at depth 0, indented to this depth.
  JsonStream& Dumped(std::string_view text);

 private:
  void BeforeValue();
  void Quoted(std::string_view text);
  void Indent() { text_.append(2 * open_.size(), ' '); }
  // Written to the stream in large pieces: the output stream may be a filter (the record
  // footer's) that pays per call, and a report writes thousands of small values.
  void Flush();

  struct Open {
    char close;
    bool empty = true;
  };
  std::ostream& out_;
  std::string text_;
  std::vector<Open> open_;
  bool keyed_ = false;  // a Key was written and waits for its value
};

}  // namespace plantrack::report
