// Identifiers and numbers as people type them: full width, any case, `#` before an id, negative
// numbers that are values and not options.

#include "domain/typed.h"

#include <catch2/catch.hpp>

#include "domain/numbers.h"

using namespace plantrack::domain;

TEST_CASE("typed: full-width forms narrow to ASCII, everything else is kept", "[domain]") {
  struct Case {
    const char* typed;
    const char* narrow;
  };
  const Case cases[] = {
      {"", ""},
      {"T3.07", "T3.07"},
      {"\xEF\xBC\xB4\xEF\xBC\x93.\xEF\xBC\x90\xEF\xBC\x97", "T3.07"},  // Ｔ３.０７
      {"\xEF\xBC\x91\xEF\xBC\x92", "12"},                              // １２
      {"\xEF\xBC\x8D\xEF\xBC\x91\xEF\xBC\x8E\xEF\xBC\x95", "-1.5"},    // －１．５
      {"\xEF\xBC\x83\xEF\xBC\x96\xEF\xBC\x96\xEF\xBC\x91", "#661"},    // ＃６６１
      {"\xEF\xBD\x94\xEF\xBD\x9E", "t~"},                              // ｔ～ (U+FF5E, the last)
      {"a\xE3\x80\x80"
       "b",
       "a b"},  // ideographic space
      {"株洲市（市区）", "株洲市(市区)"},
      {"\xEF\xBD\x9F", "\xEF\xBD\x9F"},  // U+FF5F is past the ASCII forms: kept
      {"\xEF\xBC", "\xEF\xBC"},          // a truncated sequence is kept as it is
  };
  for (const Case& c : cases) {
    INFO(c.typed);
    CHECK(NarrowWidth(c.typed) == c.narrow);
  }
}

TEST_CASE("typed: codes fold to one key across case, width and surrounding spaces", "[domain]") {
  CHECK(FoldCode("T3.07") == "t3.07");
  CHECK(FoldCode(" t3.07\t") == "t3.07");
  CHECK(FoldCode("\xEF\xBC\xB4\xEF\xBC\x93.\xEF\xBC\x90\xEF\xBC\x97") == "t3.07");
  CHECK(FoldCode("RED") == "red");
  CHECK(FoldCode("Zhuzhou City") == "zhuzhou city");
  CHECK(FoldCode("   ") == "");
  CHECK(FoldCode("株洲市（市区）") == FoldCode("株洲市(市区)"));
  CHECK(FoldCode("T3.07") != FoldCode("T3.7"));  // nothing beyond case and width is guessed
}

TEST_CASE("typed: entry ids with or without #, in any width", "[domain]") {
  struct Case {
    const char* typed;
    std::optional<int64_t> id;
  };
  const Case cases[] = {
      {"661", 661},
      {"#661", 661},
      {"\xEF\xBC\x83\xEF\xBC\x96\xEF\xBC\x96\xEF\xBC\x91", 661},
      {"#", std::nullopt},
      {"", std::nullopt},
      {"##661", std::nullopt},
      {"# 661", std::nullopt},
      {"-661", std::nullopt},
      {"#-661", std::nullopt},
      {"0", std::nullopt},
      {"661a", std::nullopt},
      {"6.5", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.typed);
    CHECK(ParseEntryId(c.typed) == c.id);
  }
}

TEST_CASE("typed: numbers in full width parse as their ASCII forms", "[domain]") {
  CHECK(ParseInteger("\xEF\xBC\x91\xEF\xBC\x92") == 12);
  CHECK(ParseInteger("\xEF\xBC\x8D\xEF\xBC\x93") == -3);
  CHECK(ParseNumber("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95") == 12.5);
  CHECK_FALSE(ParseInteger("\xEF\xBC\x91 2"));
  CHECK_FALSE(ParseNumber("12\xEF\xBC\x85"));  // １２％: no trailing units, even full-width
}

TEST_CASE("typed: a negative number is a value, an option is not", "[domain]") {
  struct Case {
    const char* arg;
    bool number;
  };
  const Case cases[] = {
      {"-1.5", true},
      {"-3", true},
      {"-0", true},
      {"-1e3", true},
      {"-", false},
      {"--on", false},
      {"-x", false},
      {"--1", false},
      {"1.5", false},
      {"-1.5x", false},
      {"-nan", false},
      {"-inf", false},
      {"-\xEF\xBC\x91\xEF\xBC\x92", true},  // -１２
  };
  for (const Case& c : cases) {
    INFO(c.arg);
    CHECK(LooksLikeNegativeNumber(c.arg) == c.number);
  }
}
