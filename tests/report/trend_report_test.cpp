// The trend's rendering: sparklines scaled as documented, rows taken from the status model.

#include "report/trend_report.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace plantrack;

TEST_CASE("trend report: a sparkline runs from the lowest block to the highest", "[report]") {
  CHECK(report::Sparkline({0, 50, 100}, 0, 100) == "▁▅█");
  CHECK(report::Sparkline({-5, 200}, 0, 100) == "▁█");  // clamped to the scale
  CHECK(report::Sparkline({3, 3}, 3, 3) == "▁▁");       // a flat scale does not divide by 0
  CHECK(report::Sparkline({}, 0, 1).empty());
}

TEST_CASE("trend report: a row is the status total and its areas' percents", "[report]") {
  report::StatusModel status;
  status.total.actions = 4;
  status.total.percent = 62.5;
  status.total.done = 1;
  status.total.red = 2;
  status.areas.push_back({});
  status.areas.back().code = "T1";
  status.areas.back().percent = 40;
  const domain::PeriodEnd end{"2025Q4", *domain::ParseIsoDate("2025-12-31"), false};
  const report::TrendRow row = report::TrendRowOf(end, status);
  CHECK(row.period == "2025Q4");
  CHECK(row.actions == 4);
  CHECK(row.percent == 62.5);
  CHECK(row.red == 2);
  REQUIRE(row.areas.size() == 1);
  CHECK(row.areas[0] == std::pair<std::string, double>{"T1", 40});

  report::TrendModel model{end.on, "quarter", {row}};
  std::ostringstream md;
  report::RenderTrend(model, {report::Format::kMarkdown, false, false}, md);
  CHECK_THAT(md.str(), Catch::Contains("| 2025Q4 | 2025-12-31 | 4 | 62.5 | 1 | 0 | 0 | 2 |"));
  CHECK(md.str().find("▁") == std::string::npos);  // sparklines are for terminals only
}
