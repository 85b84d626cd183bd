#include "domain/civil_date.h"

#include <fmt/format.h>

#include <cctype>

namespace plantrack::domain {
namespace {

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return std::nullopt;
  Date day{date::year{ToInt(y)}, date::month{static_cast<unsigned>(ToInt(m))},
           date::day{static_cast<unsigned>(ToInt(d))}};
  if (!day.ok()) return std::nullopt;
  return day;
}

bool IsIsoTimestamp(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z' || !ParseIsoDate(text.substr(0, 10))) {
    return false;
  }
  std::string_view h = text.substr(11, 2), m = text.substr(14, 2), s = text.substr(17, 2);
  return AllDigits(h) && AllDigits(m) && AllDigits(s) && ToInt(h) < 24 && ToInt(m) < 60 &&
         ToInt(s) < 60;
}

std::string FormatIsoDate(const Date& day) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

int DaysBetween(const Date& a, const Date& b) {
  return static_cast<int>((date::sys_days{b} - date::sys_days{a}).count());
}

Date AddDays(const Date& day, int days) { return Date{date::sys_days{day} + date::days{days}}; }

std::optional<Quarter> ParseQuarter(std::string_view text) {
  if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q')) return std::nullopt;
  if (!AllDigits(text.substr(0, 4)) || text[5] < '1' || text[5] > '4') return std::nullopt;
  return Quarter{ToInt(text.substr(0, 4)), text[5] - '0'};
}

std::string FormatQuarter(const Quarter& quarter) {
  return fmt::format("{:04}Q{}", quarter.year, quarter.number);
}

Quarter QuarterOf(const Date& day) {
  return Quarter{static_cast<int>(day.year()),
                 static_cast<int>((static_cast<unsigned>(day.month()) - 1) / 3 + 1)};
}

Date FirstDay(const Quarter& quarter) {
  return Date{date::year{quarter.year}, date::month{static_cast<unsigned>(quarter.number * 3 - 2)},
              date::day{1}};
}

Date LastDay(const Quarter& quarter) {
  date::year_month_day_last last{
      date::year{quarter.year},
      date::month_day_last{date::month{static_cast<unsigned>(quarter.number * 3)}}};
  return Date{last};
}

Quarter Next(const Quarter& quarter) {
  return quarter.number == 4 ? Quarter{quarter.year + 1, 1}
                             : Quarter{quarter.year, quarter.number + 1};
}

Quarter Previous(const Quarter& quarter) {
  return quarter.number == 1 ? Quarter{quarter.year - 1, 4}
                             : Quarter{quarter.year, quarter.number - 1};
}

}  // namespace plantrack::domain
