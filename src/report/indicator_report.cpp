#include "report/indicator_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "domain/indicator_pace.h"
#include "report/assessed.h"
#include "report/text_width.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

std::string PaceOf(const store::IndicatorRow& row, const store::IndicatorTarget& target) {
  if (!row.latest_value) return domain::PaceName(domain::Pace::kNoData);
  domain::IndicatorFacts facts{row.direction == "down", row.baseline_value, row.baseline_year,
                               target.value, target.year};
  return domain::PaceName(
      domain::ClassifyPace(facts, *row.latest_value, StoredDate(row.latest_on)));
}

}  // namespace

void RenderIndicators(const std::vector<store::IndicatorRow>& indicators, const domain::Date& as_of,
                      const RenderOptions& options, std::ostream& out) {
  auto name_of = [&](const store::IndicatorRow& row) {
    return options.zh && !row.name_zh.empty() ? row.name_zh : row.name_en;
  };
  if (options.format == Format::kJson) {
    using Json = nlohmann::ordered_json;
    Json json{{"as_of", domain::FormatIsoDate(as_of)}, {"indicators", Json::array()}};
    for (const store::IndicatorRow& row : indicators) {
      Json latest = nullptr;
      if (row.latest_value) latest = {{"value", *row.latest_value}, {"on", row.latest_on}};
      Json targets = Json::array();
      for (const auto& target : row.targets) {
        targets.push_back(
            {{"year", target.year}, {"value", target.value}, {"pace", PaceOf(row, target)}});
      }
      json["indicators"].push_back(
          {{"code", row.code},
           {"name", name_of(row)},
           {"measure_unit", row.measure_unit},
           {"direction", row.direction},
           {"baseline", {{"value", row.baseline_value}, {"year", row.baseline_year}}},
           {"latest", latest},
           {"targets", targets},
           {"scope", row.scope}});
    }
    out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    return;
  }
  // One row per indicator and target year.
  const bool people = options.format == Format::kTable;
  Listing listing{{{"code", "CODE"},
                   {"name", "NAME"},
                   {"unit", "UNIT"},
                   {"baseline", "BASELINE", true},
                   {"latest", "LATEST", true},
                   {"latest_on", "ON"},
                   {"target_year", "YEAR", true},
                   {"target", "TARGET", true},
                   {"pace", "PACE"}},
                  {}};
  for (const store::IndicatorRow& row : indicators) {
    const std::string name = people ? Truncate(name_of(row), 36) : name_of(row);
    // Built in place: GCC 12 takes the copy of a conditional variant for an uninitialised read.
    Cell latest;
    if (row.latest_value) latest.emplace<double>(*row.latest_value);
    const std::string baseline = fmt::format("{} ({})", row.baseline_value, row.baseline_year);
    if (row.targets.empty()) {
      listing.rows.push_back({row.code, name, row.measure_unit, baseline, latest, row.latest_on,
                              Cell{}, Cell{}, std::string("no-target")});
    }
    for (const auto& target : row.targets) {
      listing.rows.push_back({row.code, name, row.measure_unit, baseline, latest, row.latest_on,
                              int64_t{target.year}, target.value, PaceOf(row, target)});
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
