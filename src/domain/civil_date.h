#pragma once
// Civil dates (no time zone) as the plan uses them: ISO-8601 'YYYY-MM-DD' text on the outside,
// date::year_month_day inside. Parsing is strict: exactly four-two-two digits and a real day.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace plantrack::domain {

using Date = date::year_month_day;

// Returns nothing for anything but a valid 'YYYY-MM-DD' (so '2025-02-30', '25-1-1' and
// '2025/01/01' are all refused).
std::optional<Date> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(const Date& day);

// True for exactly 'YYYY-MM-DDTHH:MM:SSZ' naming a real day and time (hours 00-23, no leap
// second), the form the schema's CHECK on recorded_at accepts.
bool IsIsoTimestamp(std::string_view text);

// b - a in days (negative when b is before a).
int DaysBetween(const Date& a, const Date& b);
Date AddDays(const Date& day, int days);

// A calendar quarter such as 2024Q3.
struct Quarter {
  int year = 0;
  int number = 0;  // 1..4
  auto operator<=>(const Quarter&) const = default;
};
std::optional<Quarter> ParseQuarter(std::string_view text);
std::string FormatQuarter(const Quarter& quarter);
Quarter QuarterOf(const Date& day);
Date FirstDay(const Quarter& quarter);
Date LastDay(const Quarter& quarter);
Quarter Next(const Quarter& quarter);
Quarter Previous(const Quarter& quarter);

}  // namespace plantrack::domain
