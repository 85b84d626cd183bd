#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "report/audit_report.h"
#include "report/unit_tree.h"
#include "report/wording.h"

namespace plantrack::report {
namespace {

constexpr int kIndicatorReportDays = 365;

uint64_t PairKey(int action, int unit) {
  return static_cast<uint64_t>(static_cast<uint32_t>(action)) << 32 | static_cast<uint32_t>(unit);
}

int KindRank(const std::string& kind) {
  // A conflict first: a received record waits for a coordinator, and nothing else settles it.
  static const std::vector<std::string> kOrder = {
      "conflict",       "no-lead",       "several-leads",        "never-reported", "stale",
      "silent-overdue", "not-submitted", "indicator-unreported", "supports-only"};
  return static_cast<int>(std::find(kOrder.begin(), kOrder.end(), kind) - kOrder.begin());
}

// Kind (in KindRank's order), unit, action. Ranked only when the kinds differ, and compared
// in place: tens of thousands of findings in a province, sorted twice.
bool FindingBefore(const Finding& a, const Finding& b) {
  if (a.kind != b.kind) {
    const int rank_a = KindRank(a.kind), rank_b = KindRank(b.kind);
    if (rank_a != rank_b) return rank_a < rank_b;
  }
  return std::tie(a.unit, a.action) < std::tie(b.unit, b.action);
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

bool AuditModel::HasFindings() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.kind != "supports-only"; });
}

AuditModel BuildAudit(const AuditInput& input, const AuditOptions& options) {
  AuditModel model;
  model.as_of = options.as_of;
  const bool zh = options.zh;
  const UnitTree tree(*input.units);
  auto in_scope = [&](const std::string& unit) {
    return !options.unit || tree.Within(unit, *options.unit);
  };
  Numbers action_numbers, unit_numbers;
  UnitChains chains(tree, unit_numbers);
  std::unordered_map<std::string, const AssessedAction*> action_of;
  std::vector<const AssessedAction*> action_at;  // by action number
  for (const auto& item : *input.actions) {
    action_of[item.action.code] = &item;
    action_numbers.Of(item.action.code);
    action_at.push_back(&item);
  }
  std::map<std::string, std::vector<std::string>> leads_of, supports_of;  // action -> units
  std::map<std::string, std::pair<int, int>> direct_roles;                // unit -> leads, supports
  for (const auto& r : *input.responsibilities) {
    (r.role == "lead" ? leads_of : supports_of)[r.action].push_back(r.unit);
    auto& [leads, supports] = direct_roles[r.unit];
    ++(r.role == "lead" ? leads : supports);
  }
  // The latest entry by a unit or any unit below it, per (action, unit).
  std::unordered_map<uint64_t, const std::string*> last_log;
  last_log.reserve(input.last_logs.size() * 2);
  std::vector<bool> ever_logged;  // by unit number: an entry by itself or below
  for (const auto& log : input.last_logs) {
    const int action = action_numbers.Of(log.action);
    for (int unit : chains.Of(log.unit)) {
      auto [last, fresh] = last_log.try_emplace(PairKey(action, unit), &log.logged_on);
      if (!fresh && *last->second < log.logged_on) last->second = &log.logged_on;
      if (static_cast<size_t>(unit) >= ever_logged.size())
        ever_logged.resize(static_cast<size_t>(unit) + 1);
      ever_logged[static_cast<size_t>(unit)] = true;
    }
  }
  // The latest entry of `unit`'s subtree on `action`, or null.
  auto last_log_of = [&](const std::string& action, const std::string& unit) -> const std::string* {
    const int a = action_numbers.Find(action), u = unit_numbers.Find(unit);
    if (a < 0 || u < 0) return nullptr;
    auto found = last_log.find(PairKey(a, u));
    return found == last_log.end() ? nullptr : found->second;
  };
  std::unordered_map<std::string, domain::Date> done_on;
  for (const auto& done : input.done_dates) done_on[done.action] = StoredDate(done.logged_on);

  // 1. The responsibility matrix, rolled up.
  // By unit number, by action number: 0 none, 1 supports, 2 leads (leading below outweighs
  // supporting); only counted, so in no order.
  constexpr uint8_t kSupports = 1, kLeads = 2;
  std::vector<std::vector<uint8_t>> roles;
  for (const auto& r : *input.responsibilities) {
    const size_t action = static_cast<size_t>(action_numbers.Of(r.action));
    const uint8_t role = r.role == "lead" ? kLeads : kSupports;
    for (int unit : chains.Of(r.unit)) {
      if (static_cast<size_t>(unit) >= roles.size()) roles.resize(static_cast<size_t>(unit) + 1);
      std::vector<uint8_t>& of_unit = roles[static_cast<size_t>(unit)];
      if (of_unit.size() <= action) of_unit.resize(std::max(action + 1, action_at.size()));
      of_unit[action] = std::max(of_unit[action], role);
    }
  }
  for (const store::UnitRow& unit : *input.units) {
    const int number = unit_numbers.Find(unit.slug);
    if (number < 0 || static_cast<size_t>(number) >= roles.size() ||
        roles[static_cast<size_t>(number)].empty() || !in_scope(unit.slug)) {
      continue;
    }
    UnitMatrix row;
    row.unit = unit.slug;
    const std::vector<uint8_t>& of_unit = roles[static_cast<size_t>(number)];
    for (size_t action = 0; action < of_unit.size(); ++action) {
      if (of_unit[action] == 0) continue;
      const AssessedAction* item = action_at[action];
      AreaRoles& area = row.by_area[item->action.area];
      ++(of_unit[action] == kLeads ? row.leads : row.supports);
      ++(of_unit[action] == kLeads ? area.leads : area.supports);
      row.Add(item->assessment.rag);
    }
    model.units.push_back(std::move(row));
  }

  // 2. Findings.
  auto add = [&](std::string kind, std::string unit, std::string action, std::string detail) {
    model.findings.push_back(
        {std::move(kind), std::move(unit), std::move(action), std::move(detail)});
  };
  const domain::Date stale_before = domain::AddDays(options.as_of, -options.stale_days);
  for (const auto& item : *input.actions) {
    const std::string& code = item.action.code;
    const auto& leads = leads_of[code];
    const auto& supports = supports_of[code];
    // A finding about an action names the first responsible unit within the audited scope.
    auto first_in_scope = [&](const std::vector<std::string>& units) -> std::optional<std::string> {
      auto found = std::find_if(units.begin(), units.end(), in_scope);
      if (found == units.end()) return std::nullopt;
      return *found;
    };
    if (leads.empty()) {
      if (supports.empty() && !options.unit)
        add("no-lead", "", code, Phrase(zh, "no unit is responsible", "无责任单位"));
      if (auto unit = first_in_scope(supports)) {
        add("no-lead", *unit, code,
            Phrase(zh, "no lead unit; supported by {}", "无牵头单位；配合单位：{}",
                   Join(supports)));
      }
    }
    if (auto unit = first_in_scope(leads); unit && leads.size() > 1) {
      add("several-leads", *unit, code, Phrase(zh, "leads: {}", "多个牵头单位：{}", Join(leads)));
    }
    // Stale: an active action whose lead has not logged within the window.
    const domain::Date start = StoredDate(item.action.start_on);
    const bool active = start <= options.as_of && item.assessment.rag != domain::Rag::kDone;
    if (!active) continue;
    for (const std::string& lead : leads) {
      if (!in_scope(lead)) continue;
      const std::string* last = last_log_of(code, lead);
      if (!last) {
        if (start < stale_before) {
          add("stale", lead, code,
              Phrase(zh, "no entry since the start on {} ({} days)", "自{}开始以来未报送（{}天）",
                     item.action.start_on, domain::DaysBetween(start, options.as_of)));
        }
      } else if (StoredDate(*last) < stale_before) {
        add("stale", lead, code,
            Phrase(zh, "last entry {} ({} days ago)", "最近报送{}（{}天前）", *last,
                   domain::DaysBetween(StoredDate(*last), options.as_of)));
      }
    }
  }
  for (const auto& [unit, counts] : direct_roles) {
    if (!in_scope(unit)) continue;
    const int number = unit_numbers.Find(unit);
    const bool logged = number >= 0 && static_cast<size_t>(number) < ever_logged.size() &&
                        ever_logged[static_cast<size_t>(number)];
    if (counts.first > 0 && !logged) {
      add("never-reported", unit, "",
          Phrase(zh, "leads {} actions, no entry ever", "牵头{}项行动，从未报送", counts.first));
    }
    if (counts.first == 0) {
      add("supports-only", unit, "",
          Phrase(zh, "supports {} actions, leads none", "配合{}项行动，未牵头", counts.second));
    }
  }
  for (const auto& milestone : *input.overdue_milestones) {
    for (const std::string& lead : leads_of[milestone.action]) {
      if (!in_scope(lead)) continue;
      const std::string* last = last_log_of(milestone.action, lead);
      if (!last || *last < milestone.due_on) {
        add("silent-overdue", lead, milestone.code,
            !last ? Phrase(zh, "due {}; no entry on {}", "{}到期；{}无报送", milestone.due_on,
                           milestone.action)
                  : Phrase(zh, "due {}; last entry {}", "{}到期；最近报送{}", milestone.due_on,
                           *last));
      }
    }
  }
  if (!options.unit) {
    const domain::Date report_before = domain::AddDays(options.as_of, -kIndicatorReportDays);
    for (const auto& indicator : *input.indicators) {
      if (indicator.latest_on.empty()) {
        add("indicator-unreported", "", indicator.code, Phrase(zh, "no value yet", "尚无数值"));
      } else if (StoredDate(indicator.latest_on) < report_before) {
        add("indicator-unreported", "", indicator.code,
            Phrase(zh, "last value {} ({} days ago)", "最近数值{}（{}天前）", indicator.latest_on,
                   domain::DaysBetween(StoredDate(indicator.latest_on), options.as_of)));
      }
    }
  }
  // A conflict received by the as-of date; one without a unit only in the whole plan's audit.
  const std::string received_by = domain::FormatIsoDate(options.as_of);
  for (const store::ConflictRow& conflict : input.conflicts) {
    if (conflict.received_at.substr(0, 10) > received_by) continue;
    if (conflict.unit.empty() ? options.unit.has_value() : !in_scope(conflict.unit)) continue;
    add("conflict", conflict.unit, fmt::format("#{}", conflict.id),
        Phrase(
            zh,
            "{} record received {} (packet {}) kept: {}; settle it with conflicts accept|reject {}",
            "{}（{}收到，数据包{}）暂存为冲突：{}；用 conflicts accept|reject {} 处理",
            WordIn(zh, conflict.kind), conflict.received_at, conflict.packet.substr(0, 12),
            conflict.reason, conflict.id));
  }
  std::sort(model.findings.begin(), model.findings.end(),
            [](const Finding& a, const Finding& b) { return FindingBefore(a, b); });

  // 3. Reporting completeness and timeliness, per lead unit and quarter.
  // "action|unit" -> the reports by the unit or below it.
  std::unordered_map<std::string, std::vector<domain::Report>> reports_on;
  for (const auto& report : input.reports) {
    for (const std::string& unit : tree.SelfAndAncestors(report.unit)) {
      reports_on[report.action + "|" + unit].push_back(
          {StoredDate(report.logged_on), StoredDate(report.recorded_on)});
    }
  }
  std::map<std::pair<std::string, std::string>, domain::SignoffState> signoff;  // unit, period
  for (const auto& event : input.approvals) signoff[{event.unit, event.period}] = event.State();
  // Each unit's led actions in code order, gathered once rather than by a walk over every
  // action per unit (200 units by 10,000 actions in a province).
  std::map<std::string, std::vector<std::string>> led_by;
  for (const auto& [action, leads] : leads_of) {
    for (const std::string& unit : leads) {
      std::vector<std::string>& led = led_by[unit];
      if (led.empty() || led.back() != action) led.push_back(action);
    }
  }
  for (const auto& [unit, counts] : direct_roles) {
    if (counts.first == 0 || !in_scope(unit)) continue;
    std::vector<domain::ReportingPair> pairs;
    for (const std::string& action : led_by[unit]) {
      auto done = done_on.find(action);
      pairs.push_back({StoredDate(action_of[action]->action.start_on),
                       done == done_on.end() ? std::nullopt : std::optional(done->second),
                       reports_on[action + "|" + unit]});
    }
    for (domain::Quarter q = options.from; q <= options.to; q = domain::Next(q)) {
      const std::string period = domain::FormatQuarter(q);
      auto state = signoff.find({unit, period});
      ReportingRow row{
          unit, period, domain::RateQuarter(q, pairs),
          state == signoff.end() ? domain::SignoffState::kNotSubmitted : state->second};
      // A lead with reports due and no standing submission 15 days after the quarter's end.
      const domain::Date deadline = domain::ReportDeadline(q);
      if (row.rate.expected > 0 && deadline < options.as_of &&
          (row.approval == domain::SignoffState::kNotSubmitted ||
           row.approval == domain::SignoffState::kReopened)) {
        add("not-submitted", unit, period,
            Phrase(zh, "{} {} (due {}, {} days ago)", "{}{}（{}截止，已过{}天）", period,
                   row.approval == domain::SignoffState::kReopened
                       ? Phrase(zh, "reopened, not submitted again", "已退回，未重新报送")
                       : Phrase(zh, "not submitted", "未报送"),
                   domain::FormatIsoDate(deadline), domain::DaysBetween(deadline, options.as_of)));
      }
      model.reporting.push_back(std::move(row));
    }
  }
  // The reporting section adds findings after the others were sorted.
  std::stable_sort(model.findings.begin(), model.findings.end(),
                   [](const Finding& a, const Finding& b) { return FindingBefore(a, b); });
  return model;
}

}  // namespace plantrack::report
