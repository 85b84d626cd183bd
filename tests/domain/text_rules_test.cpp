#include "domain/text_rules.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

TEST_CASE("text rules: what a note and a line may hold", "[domain]") {
  struct Case {
    const char* what;
    std::string text;
    bool note_ok;
    bool line_ok;
  };
  const Case cases[] = {
      {"plain", "Phase 1 opened", true, true},
      {"Chinese", "一期工程通车", true, true},
      {"newline and tab", "two\nlines\tand a tab", true, false},
      {"carriage return", "a\rb", false, false},
      {"NUL", std::string("a\0b", 3), false, false},
      {"ESC colour", "red \x1b[31m", false, false},
      {"OSC title", "\x1b]0;pwned\x07", false, false},
      {"bell", "bell\x07", false, false},
      {"DEL", "delete \x7f", false, false},
      {"C1 NEL (U+0085)",
       "a\xc2\x85"
       "b",
       false, false},
      {"C1 CSI (U+009B)",
       "a\xc2\x9b"
       "31m",
       false, false},
      {"U+00A0 is fine",
       "a\xc2\xa0"
       "b",
       true, true},
      {"LRE (U+202A)",
       "a\xe2\x80\xaa"
       "b",
       false, false},
      {"RLO (U+202E)",
       "a\xe2\x80\xae"
       "b",
       false, false},
      {"LRI (U+2066)",
       "a\xe2\x81\xa6"
       "b",
       false, false},
      {"PDI (U+2069)",
       "a\xe2\x81\xa9"
       "b",
       false, false},
      {"U+2065 is fine",
       "a\xe2\x81\xa5"
       "b",
       true, true},
      {"U+202F is fine",
       "a\xe2\x80\xaf"
       "b",
       true, true},
      {"not UTF-8", "not UTF-8 \xff", false, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(!CheckNote("note", c.text).has_value() == c.note_ok);
    CHECK(!CheckLine("title_en", c.text).has_value() == c.line_ok);
  }
}

TEST_CASE("text rules: a refusal names the field, the character and where", "[domain]") {
  auto problem = CheckNote("note",
                           "ok \xe2\x80\xae"
                           "evil");
  REQUIRE(problem);
  CHECK(*problem ==
        "note contains a bidirectional override or isolate (U+202E at character 4); text may not "
        "hold control characters but newline and tab");
  auto nul = CheckLine("name_en", std::string("x\0", 2));
  REQUIRE(nul);
  CHECK_THAT(*nul, Catch::StartsWith("name_en contains a NUL character (U+0000 at character 2)"));
}

TEST_CASE("text rules: a note's limit is in characters, not bytes", "[domain]") {
  std::string chinese;
  for (int i = 0; i < 2000; ++i) chinese += "进";  // 6,000 bytes
  CHECK_FALSE(CheckNote("note", chinese));
  auto problem = CheckNote("note", chinese + "展");
  REQUIRE(problem);
  CHECK_THAT(*problem, Catch::Contains("2001 characters"));
  CHECK_FALSE(CheckNote("note", std::string(2000, 'x')));
  CHECK(CheckNote("note", std::string(2001, 'x')));
}

TEST_CASE("text rules: only white space says nothing", "[domain]") {
  CHECK_FALSE(SaysSomething(""));
  CHECK_FALSE(SaysSomething("   "));
  CHECK_FALSE(SaysSomething(" \t\r\n"));
  CHECK_FALSE(SaysSomething("\xc2\xa0\xe3\x80\x80"));  // no-break space, ideographic space
  CHECK(SaysSomething(" flood "));
  CHECK(SaysSomething("洪水"));
  CHECK(SaysSomething("."));
}
