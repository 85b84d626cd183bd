// A streamed document must be byte for byte what nlohmann's dump(2) prints for the same value:
// the reports' JSON did not change when they started streaming.

#include "report/json_stream.h"

#include <catch2/catch.hpp>
#include <sstream>

using Json = nlohmann::ordered_json;
using plantrack::report::JsonStream;

namespace {

std::string Dump(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("json stream: nested objects and arrays print as dump(2) does", "[report]") {
  const Json whole = {{"as_of", "2026-11-28"},
                      {"empty_list", Json::array()},
                      {"empty_object", Json::object()},
                      {"items",
                       {{{"code", "T1.01"}, {"value", 1.0}, {"gap", nullptr}, {"passed", true}},
                        {{"code", "株洲\n"}, {"nested", {{"on", "x"}}}, {"list", {1, 2.5}}}}},
                      {"last", 39.400000000000006}};
  std::ostringstream out;
  JsonStream json(out);
  json.Object().Key("as_of").Value("2026-11-28");
  json.Key("empty_list").Array().End();
  json.Key("empty_object").Object().End();
  json.Key("items").Array();
  json.Object().Key("code").Value("T1.01").Key("value").Value(1.0);
  json.Key("gap").Value(nullptr).Key("passed").Value(true).End();
  json.Object().Key("code").Value("株洲\n").Key("nested").Value(Json{{"on", "x"}});
  json.Key("list").Value(Json{1, 2.5}).End();
  json.End().Key("last").Value(39.400000000000006).End();
  CHECK(out.str() == Dump(whole));
}

TEST_CASE("json stream: a value printed at depth 0 is indented where it is placed", "[report]") {
  const Json rows = {{{"code", "T1.01"}, {"percent", 40}}, {{"code", "T1.02"}, {"percent", 5}}};
  std::ostringstream out;
  JsonStream json(out);
  // As Render prints a listing: dump(2) and a newline, which the stream leaves out.
  json.Object().Key("unit").Value("changsha").Key("actions").Dumped(Dump(rows) + "\n");
  json.Key("entries").Dumped("[]").End();
  const Json whole = {{"unit", "changsha"}, {"actions", rows}, {"entries", Json::array()}};
  CHECK(out.str() == Dump(whole));
}

TEST_CASE("json stream: invalid UTF-8 is replaced as the reports' dump replaces it", "[report]") {
  std::ostringstream out;
  JsonStream json(out);
  json.Object().Key("note").Value("bad \xFF byte").End();
  CHECK(out.str() == Dump({{"note", "bad \xFF byte"}}));
}
