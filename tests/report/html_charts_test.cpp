// The report layer's shared calculations and the HTML report's charts: numbers written for
// people, the indicator chart's axis and targets, and the burn-up's expected lines and span.

#include <catch2/catch.hpp>

#include "report/burnup.h"
#include "report/svg_charts.h"
#include "report/wording.h"

using namespace plantrack;

namespace {

domain::Date Day(const char* text) { return *domain::ParseIsoDate(text); }

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

report::AssessedAction Action(const char* area, double weight, int percent, domain::Rag rag,
                              const char* start = "2024-01-01", const char* due = "2024-12-31") {
  report::AssessedAction item;
  item.action.area = area;
  item.action.weight = weight;
  item.action.start_on = start;
  item.action.due_on = due;
  item.assessment.percent = percent;
  item.assessment.rag = rag;
  return item;
}

}  // namespace

TEST_CASE("report helpers: numbers are grouped by thousands, never in exponent form",
          "[report][html]") {
  CHECK(report::HumanNumber(10000) == "10,000");
  CHECK(report::HumanNumber(1234567.891) == "1,234,567.89");
  CHECK(report::HumanNumber(-2500) == "-2,500");
  CHECK(report::HumanNumber(2.50) == "2.5");
  CHECK(report::HumanNumber(0.35) == "0.35");
  CHECK(report::HumanNumber(999) == "999");
  CHECK(report::HumanNumber(0) == "0");
  CHECK(report::HumanNumber(0.001234) == "0.001234");
}

TEST_CASE("report helpers: one weighted percent, one RAG count, one title choice", "[report]") {
  report::WeightedPercent percent;
  CHECK(percent.Value() == 0);  // nothing added
  percent.Add(Action("T1", 2, 100, domain::Rag::kDone));
  percent.Add(Action("T1", 1, 40, domain::Rag::kRed));
  CHECK(percent.Value() == Approx(80.0));  // (2 * 100 + 40) / 3
  report::RagCounts counts;
  for (domain::Rag rag : {domain::Rag::kRed, domain::Rag::kRed, domain::Rag::kDone})
    counts.Add(rag);
  CHECK(counts.red == 2);
  CHECK(counts.done == 1);
  CHECK(counts.green + counts.amber == 0);
  const std::string en = "Infrastructure", zh = "基础设施", none;
  CHECK(report::TitleIn(true, en, zh) == zh);
  CHECK(report::TitleIn(true, en, none) == en);  // no Chinese title: the English
  CHECK(report::TitleIn(false, en, zh) == en);
}

TEST_CASE("indicator chart: a value axis, targets labelled inside the plot, people's numbers",
          "[report][html]") {
  report::Series values{
      "freight", "#2c3e50", {{Day("2021-12-31"), 8000}, {Day("2024-12-31"), 9500}}};
  const std::string svg = report::IndicatorChart(values, {{2025, 10000}, {2035, 12500.5}},
                                                 Day("2021-12-31"), Day("2035-12-31"));
  CHECK(Count(svg, "class=\"axis\"") == 3);
  CHECK_THAT(svg, Catch::Contains(">8,000</text>"));     // the lowest value shown
  CHECK_THAT(svg, Catch::Contains(">12,500.5</text>"));  // the highest: the 2035 target
  CHECK_THAT(svg, Catch::Contains(">2025 10,000</text>"));
  CHECK_THAT(svg, Catch::Contains(">2035 12,500.5</text>"));
  CHECK(Count(svg, "class=\"target\"") == 2);
  CHECK(svg.find("e+") == std::string::npos);
  // Target labels end inside the plot (x = 300 - 8 - 2), not left of its axis where they clip.
  CHECK_THAT(svg, Catch::Contains("x=\"290\" y="));
}

TEST_CASE("burn-up: expected progress per area, dashed, past as-of to the chart's end",
          "[report][html]") {
  report::StatusModel status;
  status.areas.resize(2);
  status.areas[0].code = "T1";
  status.areas[0].title_en = "Spatial layout";
  status.areas[1].code = "T2";
  status.areas[1].title_en = "Infrastructure";
  report::TrendModel trend;
  for (const char* on : {"2024-03-31", "2024-06-30"}) {
    report::TrendRow row;
    row.on = Day(on);
    row.areas = {{"T1", 10}, {"T2", 20}};
    trend.rows.push_back(row);
  }
  // T1: one action over 2024 of weight 3, one not started until 2025 of weight 1.
  const std::vector<report::AssessedAction> actions{
      Action("T1", 3, 10, domain::Rag::kGreen),
      Action("T1", 1, 0, domain::Rag::kGreen, "2025-01-01", "2025-12-31"),
      Action("T2", 1, 20, domain::Rag::kRed)};
  const report::BurnUp burnup =
      report::BuildBurnUp(status, trend, actions, Day("2024-12-31"), false);
  REQUIRE(burnup.actual.size() == 2);
  REQUIRE(burnup.expected.size() == 2);
  CHECK(burnup.actual[0].label == "T1 Spatial layout");
  CHECK(burnup.actual[0].points.size() == 2);
  // Two trend days, then the quarter ends to the chart's end: 2024-09-30 and 2024-12-31.
  const auto& t1 = burnup.expected[0].points;
  REQUIRE(t1.size() == 4);
  CHECK(t1[2].first == Day("2024-09-30"));
  CHECK(t1.back().second == Approx(75.0));  // 3 * 100 / (3 + 1)
  CHECK(burnup.expected[1].points.back().second == Approx(100.0));
  const std::string svg = report::BurnUpChart(burnup.actual, burnup.expected, "expected",
                                              Day("2024-01-01"), Day("2024-12-31"), {});
  CHECK(Count(svg, "class=\"expected\"") == 2);
  CHECK(Count(svg, "class=\"series\"") == 2);
  CHECK_THAT(svg, Catch::Contains(">expected</text>"));
}

TEST_CASE("burn-up: the chart ends the year after as-of, not at a horizon a decade away",
          "[report][html]") {
  CHECK(report::BurnUpEnd(Day("2026-11-28"), 2035) == Day("2027-12-31"));
  CHECK(report::BurnUpEnd(Day("2026-11-28"), 2026) == Day("2026-12-31"));
  CHECK(report::BurnUpEnd(Day("2036-02-01"), 2035) == Day("2036-12-31"));  // past every horizon
}
