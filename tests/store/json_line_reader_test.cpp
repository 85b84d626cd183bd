// The receiver's line reader takes exactly what JsonLine writes and nothing else that would
// parse as the same JSON.

#include "store/json_line_reader.h"

#include <catch2/catch.hpp>

#include "store/json_line.h"

using plantrack::store::JsonLine;
using plantrack::store::ReadJsonLine;

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
  auto json = ReadJsonLine(line);
  REQUIRE(json);
  CHECK(json->begin().key() == "t");
  CHECK((*json)["note"] == "quote \" backslash \\ tab \t 中文");
  CHECK((*json)["percent"] == 80);
  CHECK((*json)["negative"] == -3);
  CHECK((*json)["value"] == 12.5);
  CHECK((*json)["whole"].get<double>() == 2.0);
  CHECK((*json)["large"].get<double>() == 1e20);
  CHECK((*json)["unit"].is_null());
  CHECK(json->size() == 8);
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
    CHECK_FALSE(ReadJsonLine(line));
  }
}
