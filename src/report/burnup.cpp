#include "report/burnup.h"

#include <algorithm>
#include <map>

#include "domain/periods.h"
#include "report/wording.h"

namespace plantrack::report {

BurnUp BuildBurnUp(const StatusModel& status, const TrendModel& trend,
                   const std::vector<AssessedAction>& actions, const domain::Date& until, bool zh) {
  BurnUp burnup;
  std::vector<domain::Date> days;
  for (const TrendRow& row : trend.rows) days.push_back(row.on);
  if (!days.empty() && days.back() < until) {
    for (const domain::PeriodEnd& end :
         domain::PeriodEnds(domain::AddDays(days.back(), 1), until, domain::PeriodKind::kQuarter))
      days.push_back(end.on);
  }
  // The actions' start and due dates parsed once, by area, rather than once per day.
  struct Span {
    domain::Date start, due;
    double weight;
  };
  std::map<std::string, std::vector<Span>> spans;
  for (const AssessedAction& item : actions) {
    spans[item.action.area].push_back(
        {StoredDate(item.action.start_on), StoredDate(item.action.due_on), item.action.weight});
  }
  for (const AreaStatus& area : status.areas) {
    const std::string label = area.code + " " + TitleIn(zh, area.title_en, area.title_zh);
    Series done{label, "", {}};
    for (const TrendRow& row : trend.rows) {
      for (const auto& [code, percent] : row.areas) {
        if (code == area.code) done.points.emplace_back(row.on, percent);
      }
    }
    Series expected{label, "", {}};
    for (const domain::Date& day : days) {
      WeightedPercent percent;
      for (const Span& span : spans[area.code])
        percent.Add(span.weight, domain::ExpectedPercent(span.start, span.due, day));
      expected.points.emplace_back(day, percent.Value());
    }
    burnup.actual.push_back(std::move(done));
    burnup.expected.push_back(std::move(expected));
  }
  return burnup;
}

domain::Date BurnUpEnd(const domain::Date& as_of, int last_horizon) {
  const int year = std::min(static_cast<int>(as_of.year()) + 1, last_horizon);
  return {date::year{std::max(year, static_cast<int>(as_of.year()))}, date::December,
          date::day{31}};
}

}  // namespace plantrack::report
