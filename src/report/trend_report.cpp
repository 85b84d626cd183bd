#include "report/trend_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/text_width.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

double Rounded(double percent) { return std::round(percent * 10.0) / 10.0; }

Listing TrendListing(const TrendModel& model, const RenderOptions& options) {
  const bool people = options.format == Format::kTable;
  Listing listing{{{"period", "END OF"},
                   {"on", "ON"},
                   {"actions", "ACTIONS", true},
                   {"percent", "PERCENT", true},
                   {"done", "DONE", true, "36"},
                   {"green", "GREEN", true, "32"},
                   {"amber", "AMBER", true, "33"},
                   {"red", "RED", true, "31"}},
                  {}};
  for (const TrendRow& row : model.rows) {
    // A period still running is marked for people; programs read `on` against the period.
    const std::string period = people && row.partial ? row.period + "*" : row.period;
    listing.rows.push_back(
        {period, domain::FormatIsoDate(row.on), int64_t{row.actions},
         people ? Cell{fmt::format("{:.1f}%", row.percent)} : Cell{Rounded(row.percent)},
         int64_t{row.done}, int64_t{row.green}, int64_t{row.amber}, int64_t{row.red}});
  }
  return listing;
}

void Sparklines(const TrendModel& model, const RenderOptions& options, std::ostream& out) {
  if (model.rows.empty()) return;
  std::vector<double> percent;
  std::array<std::vector<double>, 4> counts;
  int most = 0;
  for (const TrendRow& row : model.rows) {
    percent.push_back(row.percent);
    const int values[] = {row.done, row.green, row.amber, row.red};
    for (size_t i = 0; i < counts.size(); ++i) {
      counts[i].push_back(values[i]);
      most = std::max(most, values[i]);
    }
  }
  // One scale for the four counts, so their lines compare with each other.
  const std::string labels[] = {
      std::string(HeaderIn(options.zh, "PERCENT")), std::string(HeaderIn(options.zh, "DONE")),
      std::string(HeaderIn(options.zh, "GREEN")), std::string(HeaderIn(options.zh, "AMBER")),
      std::string(HeaderIn(options.zh, "RED"))};
  int width = 0;
  for (const auto& label : labels) width = std::max(width, DisplayWidth(label));
  const TrendRow& first = model.rows.front();
  const TrendRow& last = model.rows.back();
  out << '\n'
      << Pad(labels[0], width, false) << "  " << Sparkline(percent, 0, 100)
      << fmt::format("  {:.1f}% → {:.1f}%\n", first.percent, last.percent);
  const int firsts[] = {first.done, first.green, first.amber, first.red};
  const int lasts[] = {last.done, last.green, last.amber, last.red};
  for (size_t i = 0; i < counts.size(); ++i) {
    out << Pad(labels[i + 1], width, false) << "  " << Sparkline(counts[i], 0, most)
        << fmt::format("  {} → {}\n", firsts[i], lasts[i]);
  }
}

}  // namespace

TrendRow TrendRowOf(const domain::PeriodEnd& end, const StatusModel& status) {
  const AreaStatus& total = status.total;
  TrendRow row{end.label,  end.on,      end.partial, total.actions, total.percent,
               total.done, total.green, total.amber, total.red,     {}};
  for (const AreaStatus& area : status.areas) row.areas.emplace_back(area.code, area.percent);
  return row;
}

std::string Sparkline(const std::vector<double>& values, double low, double high) {
  static const char* const kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string line;
  const double span = high > low ? high - low : 1.0;
  for (double value : values) {
    const double share = std::clamp((value - low) / span, 0.0, 1.0);
    line += kBlocks[static_cast<int>(std::lround(share * 7))];
  }
  return line;
}

void RenderTrend(const TrendModel& model, const RenderOptions& options, std::ostream& out) {
  if (options.format == Format::kJson) {
    using Json = nlohmann::ordered_json;
    Json json{{"as_of", domain::FormatIsoDate(model.as_of)}, {"by", model.by}};
    Json rows = Json::array();
    for (const TrendRow& row : model.rows) {
      rows.push_back({{"period", row.period},
                      {"on", domain::FormatIsoDate(row.on)},
                      {"partial", row.partial},
                      {"actions", row.actions},
                      {"percent", Rounded(row.percent)},
                      {"done", row.done},
                      {"green", row.green},
                      {"amber", row.amber},
                      {"red", row.red}});
    }
    json["rows"] = std::move(rows);
    out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    return;
  }
  if (options.format == Format::kCsv) {
    Render(TrendListing(model, options), options, out);
    return;
  }
  const bool md = options.format == Format::kMarkdown;
  const bool year = model.by == "year";
  out << (md ? "## " : "")
      << Phrase(options.zh, "Status by {} end, as of {}", "截至{1}的{0}末进展",
                options.zh ? (year ? "年" : "季") : model.by, domain::FormatIsoDate(model.as_of))
      << "\n\n";
  Render(TrendListing(model, options), options, out);
  if (md) return;
  if (std::any_of(model.rows.begin(), model.rows.end(), [](const auto& r) { return r.partial; })) {
    out << Phrase(options.zh, "* still running: as of {}", "* 尚未结束：截至{}",
                  domain::FormatIsoDate(model.as_of))
        << '\n';
  }
  Sparklines(model, options, out);
}

}  // namespace plantrack::report
