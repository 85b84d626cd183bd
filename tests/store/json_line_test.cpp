// The record encoding's JSON text is hashed, so its bytes are fixed: quotes and backslashes
// escaped, control characters as \u00XX, everything else (UTF-8 included) as it is.

#include "store/json_line.h"

#include <catch2/catch.hpp>
#include <string>

using plantrack::store::JsonLine;

TEST_CASE("json line: text is escaped exactly as the record encoding fixes it", "[store]") {
  std::string out;
  JsonLine json(out);
  json.Text("plain", "株洲 T1.01");
  json.Text("quote", "say \"done\" \\ then");
  json.Text("control", std::string("a\nb\tc\x01", 6));
  json.Text("edges", "\"\\");
  json.Text("empty", "");
  json.Integer("n", -7);
  json.Close();
  CHECK(out ==
        R"({"plain":"株洲 T1.01","quote":"say \"done\" \\ then","control":"a\u000ab\u0009c\u0001",)"
        R"("edges":"\"\\","empty":"","n":-7})");
}

TEST_CASE("json line: long text escapes wherever the character falls", "[store]") {
  // The quoting checks eight bytes at a time: each position of a word and the tail.
  for (size_t at = 0; at < 20; ++at) {
    for (const char special : {'"', '\\', '\n', '\x1f'}) {
      std::string text = "0123456789abcdefghij株洲";
      text[at] = special;
      std::string expected = "{\"t\":\"";
      for (const char c : text) {
        if (c == '"' || c == '\\')
          expected += std::string("\\") + c;
        else if (c == '\n')
          expected += "\\u000a";
        else if (c == '\x1f')
          expected += "\\u001f";
        else
          expected += c;
      }
      std::string out;
      JsonLine json(out);
      json.Text("t", text);
      json.Close();
      INFO(at);
      CHECK(out == expected + "\"}");
    }
  }
}
