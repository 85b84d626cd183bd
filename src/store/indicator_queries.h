#pragma once
// Indicators with their targets and their latest value as of a date, for the pace report.

#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace plantrack::store {

struct IndicatorTarget {
  int year = 0;
  double value = 0;
  std::string source;
  // The latest live value on or before the end of the target's year (and on or before as-of):
  // what the target is judged on once its year has passed. A value dated later does not count.
  std::optional<double> year_end_value;
  std::string year_end_on;  // empty when there is none
};

struct IndicatorRow {
  std::string code, name_en, name_zh, measure_unit, direction, source, scope;
  double baseline_value = 0;
  int baseline_year = 0;
  std::optional<double> latest_value;
  std::string latest_on;                 // empty when there is no value as of the date
  std::vector<IndicatorTarget> targets;  // by year
};

// Every indicator in code order; values measured after `as_of`, and retracted values, are
// ignored.
std::vector<IndicatorRow> LoadIndicators(Connection& connection, const std::string& as_of);

struct IndicatorPoint {
  std::string on;
  double value = 0;
};
// Every value of the indicator up to `as_of`, oldest first.
std::vector<IndicatorPoint> LoadIndicatorSeries(Connection& connection, const std::string& code,
                                                const std::string& as_of);

}  // namespace plantrack::store
