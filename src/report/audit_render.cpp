#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/audit_report.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

using Json = nlohmann::ordered_json;

Json Share(const std::optional<double>& share) {
  return share ? Json(std::round(*share * 10.0) / 10.0) : Json(nullptr);
}

Cell ShareCell(const std::optional<double>& share, bool people) {
  if (!share) return people ? Cell{std::string("n/a")} : Cell{};
  return people ? Cell{fmt::format("{:.0f}%", *share)} : Cell{std::round(*share * 10.0) / 10.0};
}

Listing MatrixListing(const AuditModel& model) {
  Listing listing{{{"unit", "UNIT"},
                   {"leads", "LEADS", true},
                   {"supports", "SUPPORTS", true},
                   {"by_area", "BY AREA (lead/support)"},
                   {"red", "RED", true, "31"},
                   {"amber", "AMBER", true, "33"},
                   {"green", "GREEN", true, "32"},
                   {"done", "DONE", true, "36"}},
                  {}};
  for (const UnitMatrix& unit : model.units) {
    std::string areas;
    for (const auto& [area, roles] : unit.by_area) {
      areas +=
          fmt::format("{}{} {}/{}", areas.empty() ? "" : " ", area, roles.leads, roles.supports);
    }
    listing.rows.push_back({unit.unit, int64_t{unit.leads}, int64_t{unit.supports}, areas,
                            int64_t{unit.red}, int64_t{unit.amber}, int64_t{unit.green},
                            int64_t{unit.done}});
  }
  return listing;
}

Listing FindingListing(const AuditModel& model) {
  Listing listing{{{"kind", "KIND"}, {"unit", "UNIT"}, {"action", "CODE"}, {"detail", "DETAIL"}},
                  {}};
  for (const Finding& f : model.findings) {
    listing.rows.push_back({f.kind, f.unit.empty() ? Cell{} : Cell{f.unit},
                            f.action.empty() ? Cell{} : Cell{f.action}, f.detail});
  }
  return listing;
}

Listing ReportingListing(const AuditModel& model, bool people) {
  Listing listing{{{"unit", "UNIT"},
                   {"period", "PERIOD"},
                   {"expected", "EXPECTED", true},
                   {"actual", "ACTUAL", true},
                   {"on_time", "ON TIME", true},
                   {"completeness", "COMPLETE", true},
                   {"timeliness", "TIMELY", true},
                   {"days_late", "DAYS LATE", true},
                   {"approval", "SIGN-OFF"}},
                  {}};
  for (const ReportingRow& row : model.reporting) {
    const auto& r = row.rate;
    listing.rows.push_back({row.unit, row.period, int64_t{r.expected}, int64_t{r.actual},
                            int64_t{r.on_time}, ShareCell(r.Completeness(), people),
                            ShareCell(r.Timeliness(), people),
                            r.days_late ? Cell{int64_t{*r.days_late}} : Cell{},
                            std::string(domain::StateName(row.approval))});
  }
  return listing;
}

void RenderJson(const AuditModel& model, std::ostream& out) {
  Json json{{"as_of", domain::FormatIsoDate(model.as_of)}, {"units", Json::array()}};
  for (const UnitMatrix& unit : model.units) {
    Json by_area = Json::object();
    for (const auto& [area, roles] : unit.by_area) {
      by_area[area] = {{"leads", roles.leads}, {"supports", roles.supports}};
    }
    json["units"].push_back(
        {{"unit", unit.unit},
         {"leads", unit.leads},
         {"supports", unit.supports},
         {"by_area", by_area},
         {"rag",
          {{"red", unit.red}, {"amber", unit.amber}, {"green", unit.green}, {"done", unit.done}}}});
  }
  json["findings"] = Json::array();
  for (const Finding& f : model.findings) {
    json["findings"].push_back(
        {{"kind", f.kind}, {"unit", f.unit}, {"action", f.action}, {"detail", f.detail}});
  }
  json["reporting"] = Json::array();
  for (const ReportingRow& row : model.reporting) {
    const auto& r = row.rate;
    json["reporting"].push_back({{"unit", row.unit},
                                 {"period", row.period},
                                 {"expected", r.expected},
                                 {"actual", r.actual},
                                 {"on_time", r.on_time},
                                 {"completeness", Share(r.Completeness())},
                                 {"timeliness", Share(r.Timeliness())},
                                 {"days_late", r.days_late ? Json(*r.days_late) : Json(nullptr)},
                                 {"approval", domain::StateName(row.approval)}});
  }
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

void RenderAudit(const AuditModel& model, const RenderOptions& options, std::ostream& out) {
  if (options.format == Format::kJson) {
    RenderJson(model, out);
    return;
  }
  const bool people = options.format == Format::kTable;
  const Listing sections[] = {MatrixListing(model), FindingListing(model),
                              ReportingListing(model, people)};
  const bool zh = options.zh;
  const std::string titles[] = {
      Phrase(zh, "Responsibilities", "责任分工"), Phrase(zh, "Findings", "审计发现"),
      Phrase(zh, "Reporting completeness and timeliness", "报送完整率和及时率")};
  for (size_t i = 0; i < std::size(sections); ++i) {
    if (i > 0) out << '\n';
    if (options.format == Format::kMarkdown) out << "## " << titles[i] << "\n\n";
    if (people) {
      out << Phrase(zh, "{} as of {}", "{}（截至{}）", titles[i],
                    domain::FormatIsoDate(model.as_of))
          << "\n\n";
    }
    Render(sections[i], options, out);
  }
}

}  // namespace plantrack::report
