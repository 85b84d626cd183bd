#include "report/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace plantrack::report {
namespace {

// Maps dates and values onto a plot area inside an SVG of the given size.
struct Frame {
  double width, height, left, right, top, bottom;
  domain::Date from, to;
  double low, high;

  double X(const domain::Date& day) const {
    const double span = std::max(1, domain::DaysBetween(from, to));
    return left + (width - left - right) * domain::DaysBetween(from, day) / span;
  }
  double Y(double value) const {
    const double span = high > low ? high - low : 1.0;
    return height - bottom - (height - top - bottom) * (value - low) / span;
  }
};

std::string Points(const Frame& frame, const Series& series) {
  std::string points;
  for (const auto& [day, value] : series.points) {
    points += fmt::format("{:.1f},{:.1f} ", frame.X(day), frame.Y(value));
  }
  return points;
}

std::string Polyline(const Frame& frame, const Series& series, double stroke) {
  return fmt::format(
      R"(<polyline class="series" fill="none" stroke="{}" stroke-width="{}" points="{}"/>)",
      HtmlEscape(series.color), stroke, Points(frame, series));
}

// What the plan expected, under the line of what was done: thinner, dashed and paler.
std::string ExpectedLine(const Frame& frame, const Series& series) {
  return fmt::format(R"(<polyline class="expected" fill="none" stroke="{}" stroke-width="1.2" )"
                     R"(stroke-dasharray="5 3" stroke-opacity="0.75" points="{}"/>)",
                     HtmlEscape(series.color), Points(frame, series));
}

}  // namespace

std::string HumanNumber(double value) {
  if (value != 0 && std::abs(value) < 0.01) return fmt::format("{:.4g}", value);
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  const size_t point = std::min(text.find('.'), text.size());
  const size_t digits_from = text[0] == '-' ? 1 : 0;
  for (size_t at = point; at > digits_from + 3; at -= 3) text.insert(at - 3, ",");
  return text;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string BurnUpChart(const std::vector<Series>& series, const std::vector<Series>& expected,
                        const std::string& expected_label, const domain::Date& from,
                        const domain::Date& to, const std::vector<Marker>& markers) {
  const Frame frame{720, 300, 40, 150, 12, 28, from, to, 0, 100};
  std::string svg = fmt::format(
      R"(<svg class="chart burnup" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" )"
      R"(width="100%" role="img">)",
      frame.width, frame.height);
  for (int pct = 0; pct <= 100; pct += 25) {
    svg += fmt::format(R"(<line x1="{0}" x2="{1}" y1="{2:.1f}" y2="{2:.1f}" stroke="#ddd"/>)"
                       R"(<text x="{3}" y="{4:.1f}" font-size="10" text-anchor="end">{5}%</text>)",
                       frame.left, frame.width - frame.right, frame.Y(pct), frame.left - 4,
                       frame.Y(pct) + 3, pct);
  }
  for (int year = static_cast<int>(from.year()) + 1; year <= static_cast<int>(to.year()); ++year) {
    const domain::Date jan1{date::year{year}, date::January, date::day{1}};
    svg += fmt::format(R"(<text x="{:.1f}" y="{}" font-size="9" text-anchor="middle">{}</text>)",
                       frame.X(jan1), frame.height - 10, year);
  }
  for (const Marker& marker : markers) {
    svg += fmt::format(
        R"(<line class="marker" x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#555" )"
        R"(stroke-dasharray="4 3"/><text x="{3:.1f}" y="{4}" font-size="10" )"
        R"(text-anchor="end">{5}</text>)",
        frame.X(marker.on), frame.top, frame.height - frame.bottom, frame.X(marker.on) - 3,
        frame.top + 10, HtmlEscape(marker.label));
  }
  for (const Series& line : expected) svg += ExpectedLine(frame, line);
  const double x = frame.width - frame.right + 10;
  for (size_t i = 0; i < series.size(); ++i) {
    svg += Polyline(frame, series[i], 2);
    const double y = frame.top + 14 + 16.0 * static_cast<double>(i);
    svg +=
        fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="10" height="10" fill="{}"/>)"
                    R"(<text x="{:.1f}" y="{:.1f}" font-size="11">{}</text>)",
                    x, y - 9, HtmlEscape(series[i].color), x + 14, y, HtmlEscape(series[i].label));
  }
  if (!expected.empty()) {
    const double y = frame.top + 14 + 16.0 * static_cast<double>(series.size()) + 6;
    svg += fmt::format(
        R"(<line x1="{0:.1f}" x2="{1:.1f}" y1="{2:.1f}" y2="{2:.1f}" stroke="#555" )"
        R"(stroke-dasharray="5 3"/><text x="{3:.1f}" y="{4:.1f}" font-size="11">{5}</text>)",
        x, x + 10, y - 4, x + 14, y, HtmlEscape(expected_label));
  }
  return svg + "</svg>";
}

std::string IndicatorChart(const Series& values, const std::vector<TargetLine>& targets,
                           const domain::Date& from, const domain::Date& to) {
  double low = 0, high = 0;
  bool first = true;
  auto widen = [&](double v) {
    low = first ? v : std::min(low, v);
    high = first ? v : std::max(high, v);
    first = false;
  };
  for (const auto& point : values.points) widen(point.second);
  for (const TargetLine& target : targets) widen(target.value);
  const double pad = (high - low) * 0.12 + (high == low ? std::max(1.0, std::abs(high) * 0.1) : 0);
  // The left margin holds the value axis's labels: room for "-12,345.67" at 9 px.
  const Frame frame{300, 130, 56, 8, 14, 18, from, to, low - pad, high + pad};
  std::string svg = fmt::format(
      R"(<svg class="chart indicator" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" )"
      R"(width="300" height="130" role="img">)",
      frame.width, frame.height);
  svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#fafafa" stroke="#ddd"/>)",
                     frame.left, frame.top, frame.width - frame.left - frame.right,
                     frame.height - frame.top - frame.bottom);
  // The value axis: the lowest and highest value shown and one between, with grid lines.
  for (int step = 0; step <= 2; ++step) {
    const double value = low + (high - low) * step / 2.0;
    svg += fmt::format(
        R"(<line class="tick" x1="{0}" x2="{1}" y1="{2:.1f}" y2="{2:.1f}" stroke="#e4e4e4"/>)"
        R"(<text class="axis" x="{3}" y="{4:.1f}" font-size="9" text-anchor="end">{5}</text>)",
        frame.left, frame.width - frame.right, frame.Y(value), frame.left - 3, frame.Y(value) + 3,
        HumanNumber(value));
  }
  // Each target as a dashed line with its horizon and value written inside the plot, and a
  // diamond at the horizon's end: what the line is to reach, and when.
  for (const TargetLine& target : targets) {
    const domain::Date due{date::year{target.year}, date::December, date::day{31}};
    const double y = frame.Y(target.value);
    svg += fmt::format(
        R"(<line class="target" x1="{0}" x2="{1}" y1="{2:.1f}" y2="{2:.1f}" stroke="#c0392b" )"
        R"(stroke-dasharray="3 2"/><text x="{1}" y="{3:.1f}" font-size="9" text-anchor="end" )"
        R"(fill="#c0392b">{4} {5}</text>)"
        R"(<path d="M{6:.1f} {7:.1f}l4 4l-4 4l-4-4z" fill="#c0392b"/>)",
        frame.left, frame.width - frame.right - 2, y, y < frame.top + 10 ? y + 10 : y - 2,
        target.year, HumanNumber(target.value), frame.X(due), y - 4);
  }
  svg += fmt::format(R"(<text x="{}" y="{}" font-size="9">{}</text>)", frame.left, frame.height - 5,
                     static_cast<int>(from.year()));
  svg += fmt::format(R"(<text x="{}" y="{}" font-size="9" text-anchor="end">{}</text>)",
                     frame.width - frame.right, frame.height - 5, static_cast<int>(to.year()));
  svg += Polyline(frame, values, 1.5);
  for (const auto& [day, value] : values.points) {
    svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="2.5" fill="{}"/>)", frame.X(day),
                       frame.Y(value), HtmlEscape(values.color));
  }
  return svg + "</svg>";
}

std::string StackedChart(const std::vector<domain::Date>& days, const std::vector<Layer>& layers,
                         const domain::Date& from, const domain::Date& to) {
  double high = 0;
  for (size_t i = 0; i < days.size(); ++i) {
    double sum = 0;
    for (const Layer& layer : layers) sum += i < layer.values.size() ? layer.values[i] : 0;
    high = std::max(high, sum);
  }
  const Frame frame{720, 220, 40, 150, 12, 28, from, to, 0, high > 0 ? high : 1};
  std::string svg = fmt::format(
      R"(<svg class="chart stacked" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" )"
      R"(width="100%" role="img">)",
      frame.width, frame.height);
  svg += fmt::format(R"(<text x="{}" y="{:.1f}" font-size="10" text-anchor="end">{}</text>)",
                     frame.left - 4, frame.Y(frame.high) + 3, HumanNumber(frame.high));
  for (int year = static_cast<int>(from.year()) + 1; year <= static_cast<int>(to.year()); ++year) {
    const domain::Date jan1{date::year{year}, date::January, date::day{1}};
    svg += fmt::format(R"(<text x="{:.1f}" y="{}" font-size="9" text-anchor="middle">{}</text>)",
                       frame.X(jan1), frame.height - 10, year);
  }
  // Each band runs along the top of the one below it and back along its own bottom.
  std::vector<double> base(days.size(), 0.0);
  for (size_t l = 0; l < layers.size(); ++l) {
    std::string top, bottom;
    for (size_t i = 0; i < days.size(); ++i) {
      const double value = i < layers[l].values.size() ? layers[l].values[i] : 0;
      top += fmt::format("{:.1f},{:.1f} ", frame.X(days[i]), frame.Y(base[i] + value));
    }
    for (size_t i = days.size(); i-- > 0;) {
      bottom += fmt::format("{:.1f},{:.1f} ", frame.X(days[i]), frame.Y(base[i]));
      base[i] += i < layers[l].values.size() ? layers[l].values[i] : 0;
    }
    svg += fmt::format(R"(<polygon class="band" fill="{}" stroke="none" points="{}{}"/>)",
                       HtmlEscape(layers[l].color), top, bottom);
    const double y = frame.top + 14 + 16.0 * static_cast<double>(layers.size() - 1 - l);
    const double x = frame.width - frame.right + 10;
    svg +=
        fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="10" height="10" fill="{}"/>)"
                    R"(<text x="{:.1f}" y="{:.1f}" font-size="11">{}</text>)",
                    x, y - 9, HtmlEscape(layers[l].color), x + 14, y, HtmlEscape(layers[l].label));
  }
  return svg + "</svg>";
}

}  // namespace plantrack::report
