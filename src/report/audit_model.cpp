#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "report/audit_report.h"
#include "report/unit_tree.h"
#include "report/wording.h"
#include "store/live_entries.h"

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

// Sorts by kind (in KindRank's order), unit, action: each finding ranked once, then compared
// in place (tens of thousands of findings in a province). No two findings share all three.
void SortFindings(std::vector<Finding>& findings) {
  std::vector<std::pair<int, size_t>> order;  // rank, index
  order.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) order.emplace_back(KindRank(findings[i].kind), i);
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const Finding &x = findings[a.second], &y = findings[b.second];
    return std::tie(x.unit, x.action, a.second) < std::tie(y.unit, y.action, b.second);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const auto& [rank, i] : order) sorted.push_back(std::move(findings[i]));
  findings = std::move(sorted);
}

// A unit responsible for an action, and its number in the audit's Numbers.
struct Holder {
  const std::string* unit;
  int number;
};

std::string Join(const std::vector<Holder>& holders) {
  std::string out;
  for (const Holder& holder : holders) out += (out.empty() ? "" : ", ") + *holder.unit;
  return out;
}

// The vector at `index`, grown to hold it.
template <typename T>
T& At(std::vector<T>& items, size_t index) {
  if (index >= items.size()) items.resize(index + 1);
  return items[index];
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
  // Numbered in the actions' order (code order), so that walking the numbers walks the codes.
  std::vector<const AssessedAction*> action_at;  // by action number
  for (const auto& item : *input.actions) {
    action_numbers.Of(item.action.code);
    action_at.push_back(&item);
  }
  // By action number, the lead and supporting units in slug order.
  std::vector<std::vector<Holder>> leads_of, supports_of;
  std::map<std::string, std::pair<int, int>> direct_roles;  // unit -> leads, supports
  for (const auto& r : *input.responsibilities) {
    const size_t action = static_cast<size_t>(action_numbers.Of(r.action));
    At(r.role == "lead" ? leads_of : supports_of, action)
        .push_back({&r.unit, unit_numbers.Of(r.unit)});
    auto& [leads, supports] = direct_roles[r.unit];
    ++(r.role == "lead" ? leads : supports);
  }
  leads_of.resize(action_numbers.size());
  supports_of.resize(action_numbers.size());
  // The latest entry by a unit or any unit below it, per (action, unit), as YYYYMMDD; the
  // summary's action and unit indexes turned into this audit's numbers once each.
  const store::LogSummary& log = input.log;
  std::vector<int> action_number_of;
  for (const std::string& code : log.action_codes) {
    action_number_of.push_back(action_numbers.Of(code));
  }
  // Copies: a later UnitChains::Of may move the chains it holds.
  std::vector<std::vector<int>> chain_of(log.unit_slugs.size());
  std::unordered_map<uint64_t, int32_t> last_log;
  last_log.reserve(log.last_logs.size() * 2);
  std::vector<bool> ever_logged;  // by unit number: an entry by itself or below
  for (const store::LastLog& last : log.last_logs) {
    const int action = action_number_of[static_cast<size_t>(last.action)];
    std::vector<int>& chain = chain_of[static_cast<size_t>(last.unit)];
    if (chain.empty()) chain = chains.Of(log.unit_slugs[static_cast<size_t>(last.unit)]);
    for (int unit : chain) {
      auto [latest, fresh] = last_log.try_emplace(PairKey(action, unit), last.day);
      if (!fresh && latest->second < last.day) latest->second = last.day;
      if (static_cast<size_t>(unit) >= ever_logged.size())
        ever_logged.resize(static_cast<size_t>(unit) + 1);
      ever_logged[static_cast<size_t>(unit)] = true;
    }
  }
  // The day of the latest entry of a unit's subtree on an action, or 0.
  auto last_log_of = [&](size_t action, const Holder& unit) -> int32_t {
    auto found = last_log.find(PairKey(static_cast<int>(action), unit.number));
    return found == last_log.end() ? 0 : found->second;
  };
  std::vector<std::optional<domain::Date>> done_on(action_numbers.size());  // by action number
  for (const auto& done : log.done_dates) {
    const int action = action_numbers.Find(done.action);
    if (action >= 0) done_on[static_cast<size_t>(action)] = StoredDate(done.logged_on);
  }

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
  const int32_t stale_day = store::DayNumber(domain::FormatIsoDate(stale_before).c_str());
  for (size_t action = 0; action < action_at.size(); ++action) {
    const AssessedAction& item = *action_at[action];
    const std::string& code = item.action.code;
    const auto& leads = leads_of[action];
    const auto& supports = supports_of[action];
    // A finding about an action names the first responsible unit within the audited scope.
    auto first_in_scope = [&](const std::vector<Holder>& units) -> std::optional<std::string> {
      auto found = std::find_if(units.begin(), units.end(),
                                [&](const Holder& holder) { return in_scope(*holder.unit); });
      if (found == units.end()) return std::nullopt;
      return *found->unit;
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
    for (const Holder& holder : leads) {
      const std::string& lead = *holder.unit;
      if (!in_scope(lead)) continue;
      const int32_t last = last_log_of(action, holder);
      if (last == 0) {
        if (start < stale_before) {
          add("stale", lead, code,
              Phrase(zh, "no entry since the start on {} ({} days)", "自{}开始以来未报送（{}天）",
                     item.action.start_on, domain::DaysBetween(start, options.as_of)));
        }
      } else if (last < stale_day) {
        const std::string on = store::DayText(last);
        add("stale", lead, code,
            Phrase(zh, "last entry {} ({} days ago)", "最近报送{}（{}天前）", on,
                   domain::DaysBetween(StoredDate(on), options.as_of)));
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
    const int action = action_numbers.Find(milestone.action);
    if (action < 0 || static_cast<size_t>(action) >= leads_of.size()) continue;
    for (const Holder& holder : leads_of[static_cast<size_t>(action)]) {
      const std::string& lead = *holder.unit;
      if (!in_scope(lead)) continue;
      const int32_t last = last_log_of(static_cast<size_t>(action), holder);
      if (last == 0 || last < store::DayNumber(milestone.due_on.c_str())) {
        add("silent-overdue", lead, milestone.code,
            last == 0 ? Phrase(zh, "due {}; no entry on {}", "{}到期；{}无报送", milestone.due_on,
                               milestone.action)
                      : Phrase(zh, "due {}; last entry {}", "{}到期；最近报送{}", milestone.due_on,
                               store::DayText(last)));
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

  // 3. Reporting completeness and timeliness, per lead unit and quarter.
  // By (action, unit) number: the reports by the unit or below it.
  std::unordered_map<uint64_t, std::vector<domain::Report>> reports_on;
  for (const auto& report : input.reports) {
    const int action = action_numbers.Find(report.action);
    if (action < 0) continue;  // no lead to rate
    const domain::Report dates{StoredDate(report.logged_on), StoredDate(report.recorded_on)};
    for (int unit : chains.Of(report.unit)) reports_on[PairKey(action, unit)].push_back(dates);
  }
  std::map<std::pair<std::string, std::string>, domain::SignoffState> signoff;  // unit, period
  for (const auto& event : input.approvals) signoff[{event.unit, event.period}] = event.State();
  // Each unit's led actions in code order, gathered once rather than by a walk over every
  // action per unit (200 units by 10,000 actions in a province).
  std::map<std::string, std::vector<size_t>> led_by;
  for (size_t action = 0; action < action_at.size() && action < leads_of.size(); ++action) {
    for (const Holder& holder : leads_of[action]) {
      std::vector<size_t>& led = led_by[*holder.unit];
      if (led.empty() || led.back() != action) led.push_back(action);
    }
  }
  for (const auto& [unit, counts] : direct_roles) {
    if (counts.first == 0 || !in_scope(unit)) continue;
    const int unit_number = unit_numbers.Of(unit);
    std::vector<domain::ReportingPair> pairs;
    for (size_t action : led_by[unit]) {
      auto reports = reports_on.find(PairKey(static_cast<int>(action), unit_number));
      pairs.push_back(
          {StoredDate(action_at[action]->action.start_on), done_on[action],
           reports == reports_on.end() ? std::vector<domain::Report>{} : reports->second});
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
  SortFindings(model.findings);
  return model;
}

}  // namespace plantrack::report
