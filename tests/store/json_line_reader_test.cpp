// The receiver's line reader takes exactly what JsonLine writes and nothing else that would
// parse as the same JSON.

#include "store/json_line_reader.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "store/json_line.h"

using plantrack::store::FlatLine;
using plantrack::store::JsonLine;
using plantrack::store::ReadFlatLine;

TEST_CASE("json line reader: reads back what JsonLine writes, in order", "[store][records]") {
  std::string line;
  JsonLine out(line);
  out.Text("t", "entry");
  out.Text("note", "quote \" backslash \\ tab \t 中文");
  out.Integer("percent", 80);
  out.Integer("negative", -3);
  out.Number("value", 12.5);
  out.Number("whole", 2.0);
  out.Number("large", 1e20);
  out.Null("unit");
  out.Close();
  auto flat = ReadFlatLine(line);
  REQUIRE(flat);
  CHECK(flat->first_key() == "t");
  CHECK(flat->Text("note") == "quote \" backslash \\ tab \t 中文");
  CHECK(flat->Integer("percent") == 80);
  CHECK(flat->Integer("negative") == -3);
  CHECK_FALSE(flat->Integer("value"));
  CHECK(flat->Number("value") == 12.5);
  CHECK(flat->Number("whole") == 2.0);
  CHECK(flat->Number("large") == 1e20);
  CHECK(flat->IsNull("unit"));
  CHECK(flat->IsTextOrNull("unit"));
  CHECK_FALSE(flat->IsText("unit"));
  CHECK(flat->size() == 8);
  CHECK(flat->key(7) == "unit");
  // What is missing or of another kind.
  CHECK_THROWS_AS(flat->Text("percent"), std::out_of_range);
  CHECK_THROWS_AS(flat->Text("absent"), std::out_of_range);
  CHECK(flat->TextOr("absent", "none") == "none");
  CHECK_FALSE(flat->Number("note"));
  // Moved, its texts stay its own (they are kept by offset, not by pointer).
  FlatLine moved = std::move(*flat);
  CHECK(moved.Text("t") == "entry");
}

TEST_CASE("json line reader: a short line's texts survive a move", "[store][records]") {
  auto flat = ReadFlatLine(R"({"a":"b"})");
  REQUIRE(flat);
  std::vector<FlatLine> lines;
  for (int i = 0; i < 20; ++i) lines.push_back(*flat);
  for (const FlatLine& line : lines) CHECK(line.Text("a") == "b");
}

TEST_CASE("json line reader: refuses JSON that JsonLine would have written otherwise",
          "[store][records]") {
  for (const char* line : {
           R"({"a":"x", "b":1})",    // a space
           R"({"a":"x\n"})",         // an escape JsonLine writes as \u000a
           R"({"a":"\u000A"})",      // upper-case hex
           R"({"a":"\u0041"})",      // a printable character escaped
           R"({"a":"x","a":"y"})",   // a key twice
           R"({"a":true})",          // a boolean
           R"({"a":{"b":1}})",       // nested
           R"({"a":[1]})",           // an array
           R"({"a":01})",            // a leading zero
           R"({"a":1.50})",          // not the shortest form
           R"({"a":-0})",            // minus zero as an integer
           R"({"a":"x"}x)",          // trailing bytes
           R"({})",                  // empty
           "{\"a\":\"\xff\"}",       // not UTF-8
           "{\"a\":\"tab\there\"}",  // a raw control character
           R"({"a":"x")",            // truncated
       }) {
    INFO(line);
    CHECK_FALSE(ReadFlatLine(line));
  }
}

TEST_CASE("json line reader: escaped texts are read whole beside the texts after them",
          "[store][records]") {
  std::string line;
  JsonLine out(line);
  out.Text("a", "\"quoted\" \\ and \x01 control");
  out.Text("b", "plain");
  out.Text("c", "\\");
  out.Close();
  auto flat = ReadFlatLine(line);
  REQUIRE(flat);
  CHECK(flat->Text("a") == "\"quoted\" \\ and \x01 control");
  CHECK(flat->Text("b") == "plain");
  CHECK(flat->Text("c") == "\\");
}

TEST_CASE("json line reader: a line of many members finds each and refuses a key twice",
          "[store][records]") {
  for (int members : {15, 16, 17, 40}) {
    CAPTURE(members);
    std::string line;
    JsonLine out(line);
    for (int i = 0; i < members; ++i) out.Integer("k" + std::to_string(i), i);
    out.Close();
    auto flat = ReadFlatLine(line);
    REQUIRE(flat);
    for (int i = 0; i < members; ++i) CHECK(flat->Integer("k" + std::to_string(i)) == i);
    CHECK_FALSE(flat->Integer("k" + std::to_string(members)));
    line.back() = ',';
    line += "\"k" + std::to_string(members - 1) + "\":0}";
    CHECK_FALSE(ReadFlatLine(line));
  }
}

TEST_CASE("json line reader: an escape at any place of a text, across eight-byte words",
          "[store][records]") {
  for (size_t size = 0; size <= 20; ++size) {
    for (size_t at = 0; at <= size; ++at) {
      for (char special : {'"', '\\', '\n'}) {
        std::string text(size, 'x');
        text.insert(at, 1, special);
        std::string line;
        JsonLine out(line);
        out.Text("a", text);
        out.Text("b", "after");
        out.Close();
        auto flat = ReadFlatLine(line);
        INFO(line);
        REQUIRE(flat);
        CHECK(flat->Text("a") == text);
        CHECK(flat->Text("b") == "after");
      }
    }
  }
}
