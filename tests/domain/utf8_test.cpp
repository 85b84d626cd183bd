#include "domain/utf8.h"

#include <catch2/catch.hpp>
#include <string>

using plantrack::domain::CountCharacters;
using plantrack::domain::IsValidUtf8;

TEST_CASE("utf8: valid and invalid sequences", "[domain]") {
  struct Case {
    const char* name;
    std::string text;
    bool valid;
  };
  const Case cases[] = {
      {"empty", "", true},
      {"ASCII", "Changsha", true},
      {"CJK, three bytes each", "长株潭", true},
      {"four bytes (U+1F600)", "\xF0\x9F\x98\x80", true},
      {"largest code point U+10FFFF", "\xF4\x8F\xBF\xBF", true},
      {"ends in a whole sequence", "ab\xE4\xB8\xAD", true},
      {"lone continuation byte", "\x80", false},
      {"truncated at the end", "ab\xE4\xB8", false},
      {"overlong slash", "\xC0\xAF", false},
      {"surrogate U+D800", "\xED\xA0\x80", false},
      {"past U+10FFFF", "\xF4\x90\x80\x80", false},
      {"byte 0xFF", "a\xFF", false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(IsValidUtf8(c.text) == c.valid);
  }
}

TEST_CASE("utf8: characters are counted as SQLite's length() counts them", "[domain]") {
  CHECK(CountCharacters("") == 0);
  CHECK(CountCharacters("abc") == 3);
  CHECK(CountCharacters("长株潭都市圈") == 6);
  CHECK(CountCharacters("T1 空间布局") == 7);
  CHECK(CountCharacters("\xF0\x9F\x98\x80!") == 2);
}
