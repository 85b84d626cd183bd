#pragma once
// Inline SVG charts for the HTML report: no scripts, no external resources, so the page reads
// the same in any browser, offline, and in print.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/civil_date.h"

namespace plantrack::report {

// Text safe inside HTML elements and attribute values.
std::string HtmlEscape(std::string_view text);

// A number as people write it: thousands grouped ("10,000", not "1e+04"), at most two decimals
// and none that are zeros ("2.5", "0.35"); below 0.01 four significant digits.
std::string HumanNumber(double value);

struct Series {
  std::string label;
  std::string color;                                    // CSS colour
  std::vector<std::pair<domain::Date, double>> points;  // in date order
};

struct Marker {
  domain::Date on;
  std::string label;
};

// Percent complete (0..100) over time, one line per series, with dashed vertical markers. Each
// `expected` line is drawn dashed in its colour, and the legend names them once as
// `expected_label`.
std::string BurnUpChart(const std::vector<Series>& series, const std::vector<Series>& expected,
                        const std::string& expected_label, const domain::Date& from,
                        const domain::Date& to, const std::vector<Marker>& markers);

struct TargetLine {
  int year = 0;
  double value = 0;
};

// A small chart of an indicator's values (the baseline first) against its target lines.
std::string IndicatorChart(const Series& values, const std::vector<TargetLine>& targets,
                           const domain::Date& from, const domain::Date& to);

// Counts stacked over time (the trend of done/green/amber/red actions): one band per layer,
// bottom layer first, each with one value per day of `days`.
struct Layer {
  std::string label;
  std::string color;
  std::vector<double> values;
};
std::string StackedChart(const std::vector<domain::Date>& days, const std::vector<Layer>& layers,
                         const domain::Date& from, const domain::Date& to);

}  // namespace plantrack::report
