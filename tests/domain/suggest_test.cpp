#include "domain/suggest.h"

#include <catch2/catch.hpp>

#include "domain/numbers.h"

using namespace plantrack::domain;

TEST_CASE("suggest: a close typo is suggested, a distant word is not", "[domain]") {
  const std::vector<std::string> commands{"init", "info", "areas", "units", "actions", "status"};
  CHECK(ClosestMatch("stauts", commands) == "status");
  CHECK(ClosestMatch("action", commands) == "actions");
  CHECK(ClosestMatch("UNITS", commands) == "units");
  CHECK_FALSE(ClosestMatch("frobnicate", commands));
  CHECK(EditDistance("zhuzou", "zhuzhou") == 1);
}

TEST_CASE("numbers: whole numbers and finite decimals only", "[domain]") {
  CHECK(ParseInteger("42") == 42);
  CHECK(ParseInteger("-3") == -3);
  CHECK_FALSE(ParseInteger("4.5"));
  CHECK_FALSE(ParseInteger("12abc"));
  CHECK_FALSE(ParseInteger(""));
  CHECK(ParseNumber("2.21") == 2.21);
  CHECK(ParseNumber("1e3") == 1000.0);
  CHECK_FALSE(ParseNumber("nan"));
  CHECK_FALSE(ParseNumber("inf"));
  CHECK_FALSE(ParseNumber("1.5 %"));
}
