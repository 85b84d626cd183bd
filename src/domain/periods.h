#pragma once
// The dates a history is sampled on: the end of every quarter (or year) from a start date to an
// as-of date, the last one cut short at as-of when that period is still running. Pure calendar
// arithmetic; `trend` and the HTML report's charts read the status as of each of these days.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"

namespace plantrack::domain {

enum class PeriodKind { kQuarter, kYear };
std::optional<PeriodKind> ParsePeriodKind(std::string_view text);  // "quarter" | "year"

struct PeriodEnd {
  std::string label;     // "2024Q3" or "2024"
  Date on;               // the period's last day, or as-of for the running period
  bool partial = false;  // the period had not ended by as-of
};

// One entry per period from the one holding `from` to the one holding `to`, in date order;
// nothing when `to` is before `from`.
std::vector<PeriodEnd> PeriodEnds(const Date& from, const Date& to, PeriodKind kind);

}  // namespace plantrack::domain
