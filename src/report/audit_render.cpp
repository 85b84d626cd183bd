#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/audit_report.h"
#include "report/json_stream.h"
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

// Streamed value by value (what dump(2) of the whole document printed): a province's tens of
// thousands of findings built as one document first cost a tenth of the audit.
void RenderJson(const AuditModel& model, std::ostream& out) {
  JsonStream json(out);
  json.Object().Key("as_of").Value(domain::FormatIsoDate(model.as_of)).Key("units").Array();
  for (const UnitMatrix& unit : model.units) {
    json.Object()
        .Key("unit")
        .Value(unit.unit)
        .Key("leads")
        .Value(unit.leads)
        .Key("supports")
        .Value(unit.supports)
        .Key("by_area")
        .Object();
    for (const auto& [area, roles] : unit.by_area) {
      json.Key(area)
          .Object()
          .Key("leads")
          .Value(roles.leads)
          .Key("supports")
          .Value(roles.supports)
          .End();
    }
    json.End()
        .Key("rag")
        .Object()
        .Key("red")
        .Value(unit.red)
        .Key("amber")
        .Value(unit.amber)
        .Key("green")
        .Value(unit.green)
        .Key("done")
        .Value(unit.done)
        .End()
        .End();
  }
  json.End().Key("findings").Array();
  for (const Finding& f : model.findings) {
    json.Object()
        .Key("kind")
        .Value(f.kind)
        .Key("unit")
        .Value(f.unit)
        .Key("action")
        .Value(f.action)
        .Key("detail")
        .Value(f.detail)
        .End();
  }
  json.End().Key("reporting").Array();
  for (const ReportingRow& row : model.reporting) {
    const auto& r = row.rate;
    json.Object()
        .Key("unit")
        .Value(row.unit)
        .Key("period")
        .Value(row.period)
        .Key("expected")
        .Value(r.expected)
        .Key("actual")
        .Value(r.actual)
        .Key("on_time")
        .Value(r.on_time)
        .Key("completeness")
        .Value(Share(r.Completeness()))
        .Key("timeliness")
        .Value(Share(r.Timeliness()))
        .Key("days_late")
        .Value(r.days_late ? Json(*r.days_late) : Json(nullptr))
        .Key("approval")
        .Value(domain::StateName(row.approval))
        .End();
  }
  json.End().End();
  out << '\n';
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
