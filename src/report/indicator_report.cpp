#include "report/indicator_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "domain/indicator_pace.h"
#include "report/assessed.h"
#include "report/json_stream.h"
#include "report/text_width.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

using Json = nlohmann::ordered_json;

Json Optional(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

}  // namespace

std::string NumberText(double value) {
  return fmt::format("{}", std::round(value * 10000.0) / 10000.0);
}

std::string TargetView::Outcome() const {
  return passed ? domain::TargetOutcomeName(judgement.outcome) : "";
}

TargetView ViewTarget(const store::IndicatorRow& row, const store::IndicatorTarget& target,
                      const domain::Date& as_of) {
  TargetView view;
  view.year = target.year;
  view.value = target.value;
  view.passed = domain::HorizonPassed(target.year, as_of);
  const domain::IndicatorFacts facts{row.direction == "down", row.baseline_value, row.baseline_year,
                                     target.value, target.year};
  if (view.passed) {
    view.judged_value = target.year_end_value;
    view.judged_on = target.year_end_on;
    view.judgement = domain::JudgeTarget(facts, target.year_end_value);
  } else if (!row.latest_value) {
    view.pace = domain::PaceName(domain::Pace::kNoData);
  } else {
    view.pace =
        domain::PaceName(domain::ClassifyPace(facts, *row.latest_value, StoredDate(row.latest_on)));
  }
  return view;
}

void WriteTargetJson(JsonStream& json, const TargetView& view) {
  json.Object().Key("year").Value(view.year).Key("value").Value(view.value);
  json.Key("passed").Value(view.passed).Key("outcome");
  view.passed ? json.Value(view.Outcome()) : json.Value(nullptr);
  json.Key("pace");
  view.passed ? json.Value(nullptr) : json.Value(view.pace);
  json.Key("judged");
  if (view.judged_value) {
    json.Object().Key("value").Value(*view.judged_value).Key("on").Value(view.judged_on).End();
  } else {
    json.Value(nullptr);
  }
  json.Key("gap")
      .Value(Optional(view.judgement.gap))
      .Key("gap_share")
      .Value(Optional(view.judgement.gap_share))
      .End();
}

void OpenIndicatorJson(JsonStream& json, const store::IndicatorRow& row, bool zh) {
  json.Object()
      .Key("code")
      .Value(row.code)
      .Key("name")
      .Value(TitleIn(zh, row.name_en, row.name_zh))
      .Key("measure_unit")
      .Value(row.measure_unit)
      .Key("direction")
      .Value(row.direction)
      .Key("baseline")
      .Object()
      .Key("value")
      .Value(row.baseline_value)
      .Key("year")
      .Value(row.baseline_year)
      .End();
}

void RenderIndicators(const std::vector<store::IndicatorRow>& indicators, const domain::Date& as_of,
                      const RenderOptions& options, std::ostream& out) {
  auto name_of = [&](const store::IndicatorRow& row) {
    return TitleIn(options.zh, row.name_en, row.name_zh);
  };
  if (options.format == Format::kJson) {
    // Streamed field by field: two thousand indicators built as one document first cost as
    // much as reading them.
    JsonStream json(out);
    json.Object().Key("as_of").Value(domain::FormatIsoDate(as_of)).Key("indicators").Array();
    for (const store::IndicatorRow& row : indicators) {
      OpenIndicatorJson(json, row, options.zh);
      json.Key("latest");
      if (row.latest_value) {
        json.Object().Key("value").Value(*row.latest_value).Key("on").Value(row.latest_on).End();
      } else {
        json.Value(nullptr);
      }
      json.Key("targets").Array();
      for (const auto& target : row.targets) WriteTargetJson(json, ViewTarget(row, target, as_of));
      json.End().Key("scope").Value(row.scope).End();
    }
    json.End().End();
    out << '\n';
    return;
  }
  // One row per indicator and target year; PACE holds the outcome once the year has passed.
  const bool people = options.format == Format::kTable;
  Listing listing{{{"code", "CODE"},
                   {"name", "NAME"},
                   {"unit", "UNIT"},
                   {"baseline", "BASELINE", true},
                   {"latest", "LATEST", true},
                   {"latest_on", "ON"},
                   {"target_year", "YEAR", true},
                   {"target", "TARGET", true},
                   {"pace", "PACE"},
                   {"gap", "GAP", true}},
                  {}};
  for (const store::IndicatorRow& row : indicators) {
    const std::string name = people ? Truncate(name_of(row), 36) : name_of(row);
    // A fresh cell per row: copying one variant cell trips GCC 12's maybe-uninitialized.
    auto latest = [&]() -> Cell { return row.latest_value ? Cell{*row.latest_value} : Cell{}; };
    const std::string baseline = fmt::format("{} ({})", row.baseline_value, row.baseline_year);
    if (row.targets.empty()) {
      listing.rows.push_back({row.code, name, row.measure_unit, baseline, latest(), row.latest_on,
                              Cell{}, Cell{}, std::string("no-target"), std::string()});
    }
    for (const auto& target : row.targets) {
      const TargetView view = ViewTarget(row, target, as_of);
      // Text, not a number cell: table, CSV and Markdown print it the same way.
      const std::string gap = view.judgement.gap ? NumberText(*view.judgement.gap) : std::string();
      listing.rows.push_back({row.code, name, row.measure_unit, baseline, latest(), row.latest_on,
                              int64_t{target.year}, target.value, view.Assessment(), gap});
    }
  }
  if (options.format == Format::kMarkdown) {
    out << "## "
        << Phrase(options.zh, "Indicators as of {}", "截至{}的指标", domain::FormatIsoDate(as_of))
        << "\n\n";
  }
  Render(listing, options, out);
}

}  // namespace plantrack::report
