#include "report/status_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "report/text_width.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

using Json = nlohmann::ordered_json;

void Count(AreaStatus& area, const AssessedAction& item, WeightedPercent& percent) {
  ++area.actions;
  percent.Add(item);
  area.Add(item.assessment.rag);
}

double Rounded(double percent) { return std::round(percent * 10.0) / 10.0; }

Json AreaJson(const AreaStatus& area, bool zh) {
  Json next = Json::array();
  for (const auto& m : area.next) next.push_back({{"code", m.code}, {"due_on", m.due_on}});
  return {{"code", area.code},
          {"title", TitleIn(zh, area.title_en, area.title_zh)},
          {"actions", area.actions},
          {"percent", Rounded(area.percent)},
          {"done", area.done},
          {"green", area.green},
          {"amber", area.amber},
          {"red", area.red},
          {"overdue_milestones", area.overdue_milestones},
          {"next_milestones", next}};
}

Listing AreaListing(const StatusModel& model, const RenderOptions& options) {
  const bool people = options.format == Format::kTable;
  Listing listing{{{"code", "AREA"},
                   {"title", "TITLE"},
                   {"actions", "ACTIONS", true},
                   {"percent", "PERCENT", true},
                   {"done", "DONE", true, "36"},
                   {"green", "GREEN", true, "32"},
                   {"amber", "AMBER", true, "33"},
                   {"red", "RED", true, "31"},
                   {"overdue_milestones", "OVERDUE MS", true, "31"},
                   {"next_milestones", "NEXT MILESTONES"}},
                  {}};
  auto add = [&](const AreaStatus& area) {
    const std::string& title = TitleIn(options.zh, area.title_en, area.title_zh);
    std::string next;
    for (const auto& m : area.next) {
      next += fmt::format("{}{} {}", next.empty() ? "" : ", ", m.code, m.due_on);
    }
    listing.rows.push_back(
        {area.code, people ? Truncate(title, 36) : title, int64_t{area.actions},
         people ? Cell{fmt::format("{:.1f}%", area.percent)} : Cell{Rounded(area.percent)},
         int64_t{area.done}, int64_t{area.green}, int64_t{area.amber}, int64_t{area.red},
         int64_t{area.overdue_milestones}, next});
  };
  for (const AreaStatus& area : model.areas) add(area);
  add(model.total);
  return listing;
}

}  // namespace

StatusModel BuildStatus(const std::vector<store::AreaRow>& areas,
                        const std::vector<AssessedAction>& actions,
                        const std::vector<store::AreaMilestones>& milestones,
                        const domain::Date& as_of, bool keep_empty_areas) {
  StatusModel model;
  model.as_of = as_of;
  model.total.code = "ALL";
  model.total.title_en = "All task areas";
  model.total.title_zh = "全部任务";
  std::map<std::string, WeightedPercent> sums;
  std::map<std::string, AreaStatus> by_area;
  WeightedPercent total_percent;
  std::map<int, HorizonStatus> horizons{{2025, {2025}}, {2035, {2035}}};
  for (const AssessedAction& item : actions) {
    Count(by_area[item.action.area], item, sums[item.action.area]);
    Count(model.total, item, total_percent);
    HorizonStatus& horizon = horizons[item.action.horizon];
    horizon.year = item.action.horizon;
    ++horizon.actions;
    const bool complete = item.assessment.rag == domain::Rag::kDone;
    ++(complete ? horizon.complete : horizon.incomplete);
    if (item.assessment.days_overdue > 0) ++horizon.overdue;
  }
  std::vector<store::OpenMilestone> upcoming;
  for (const store::AreaMilestones& summary : milestones) {
    AreaStatus& area = by_area[summary.area];
    area.overdue_milestones = summary.overdue;
    area.next = summary.next;
    model.total.overdue_milestones += summary.overdue;
    upcoming.insert(upcoming.end(), summary.next.begin(), summary.next.end());
  }
  // The plan's next three are among the areas' next three.
  std::sort(upcoming.begin(), upcoming.end(), [](const auto& a, const auto& b) {
    return std::tie(a.due_on, a.code) < std::tie(b.due_on, b.code);
  });
  if (upcoming.size() > 3) upcoming.resize(3);
  model.total.next = upcoming;
  for (const store::AreaRow& row : areas) {
    auto found = by_area.find(row.code);
    if (found == by_area.end() || found->second.actions == 0) {
      if (!keep_empty_areas) continue;
    }
    AreaStatus area = found == by_area.end() ? AreaStatus{} : found->second;
    area.code = row.code;
    area.title_en = row.title_en;
    area.title_zh = row.title_zh;
    area.percent = sums[row.code].Value();
    model.areas.push_back(std::move(area));
  }
  model.total.percent = total_percent.Value();
  for (const auto& [year, horizon] : horizons) model.horizons.push_back(horizon);
  return model;
}

std::string HorizonVerdict(const HorizonStatus& horizon, const domain::Date& as_of, bool zh) {
  const domain::Date ends{date::year{horizon.year}, date::December, date::day{31}};
  const std::string end = domain::FormatIsoDate(ends);
  const std::string when = ends < as_of ? Phrase(zh, "passed {}", "已于{}到期", end)
                                        : Phrase(zh, "ends {} (in {} days)", "{}到期（还有{}天）",
                                                 end, domain::DaysBetween(as_of, ends));
  return Phrase(zh, "{} horizon {}: {} of {} actions complete, {} overdue",
                "{0}年目标{1}：{3}项行动完成{2}项，逾期{4}项", horizon.year, when, horizon.complete,
                horizon.actions, horizon.overdue);
}

void RenderStatus(const StatusModel& model, const RenderOptions& options, std::ostream& out) {
  switch (options.format) {
    case Format::kJson: {
      Json json{{"as_of", domain::FormatIsoDate(model.as_of)}, {"areas", Json::array()}};
      for (const AreaStatus& area : model.areas)
        json["areas"].push_back(AreaJson(area, options.zh));
      json["total"] = AreaJson(model.total, options.zh);
      json["horizons"] = Json::array();
      for (const HorizonStatus& h : model.horizons) {
        json["horizons"].push_back({{"year", h.year},
                                    {"actions", h.actions},
                                    {"complete", h.complete},
                                    {"incomplete", h.incomplete},
                                    {"overdue", h.overdue},
                                    {"verdict", HorizonVerdict(h, model.as_of, options.zh)}});
      }
      out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
      return;
    }
    case Format::kCsv:
      Render(AreaListing(model, options), options, out);
      return;
    case Format::kTable:
    case Format::kMarkdown: {
      const bool md = options.format == Format::kMarkdown;
      out << (md ? "## " : "")
          << Phrase(options.zh, "Status as of {}", "截至{}的实施进展",
                    domain::FormatIsoDate(model.as_of))
          << "\n\n";
      Render(AreaListing(model, options), options, out);
      out << '\n';
      for (const HorizonStatus& h : model.horizons) {
        out << (md ? "- " : "") << HorizonVerdict(h, model.as_of, options.zh) << '\n';
      }
      return;
    }
  }
}

}  // namespace plantrack::report
