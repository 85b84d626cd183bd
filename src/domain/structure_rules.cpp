#include "domain/structure_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace plantrack::domain {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Lower-case ASCII letters, digits and hyphens only: slugs and indicator codes are typed on
// command lines and end up in file names and URLs.
bool IsSlugText(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// For messages: a value that may hold anything is shown with its control characters escaped, so
// that the message itself is safe to print.
std::string Shown(std::string_view text) {
  std::string shown;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      shown += fmt::format("\\x{:02x}", byte);
    } else {
      shown += c;
    }
  }
  return shown;
}

}  // namespace

std::optional<std::string> CheckActionCode(std::string_view code, std::string_view area) {
  const bool prefixed =
      code.size() > area.size() && code.substr(0, area.size()) == area && code[area.size()] == '.';
  const std::string_view number = prefixed ? code.substr(area.size() + 1) : std::string_view();
  if (!prefixed || number.size() < 2 || !AllDigits(number)) {
    return fmt::format(
        "code {} is not an action code of area {}: it must be {}. and two or more digits, "
        "nothing after (like {}.09)",
        Shown(code), Shown(area), Shown(area), Shown(area));
  }
  return std::nullopt;
}

bool IsHorizonYear(int year) {
  return std::find(kHorizonYears.begin(), kHorizonYears.end(), year) != kHorizonYears.end();
}

std::string HorizonYearsText() {
  return fmt::format("{} or {}", kHorizonYears[0], kHorizonYears[1]);
}

std::optional<std::string> CheckAction(const ActionDraft& action) {
  if (auto problem = CheckActionCode(action.code, action.area)) return problem;
  if (!IsHorizonYear(action.horizon)) {
    return fmt::format("horizon {} of {} is not {}", action.horizon, action.code,
                       HorizonYearsText());
  }
  if (action.due_on < action.start_on) {
    return fmt::format("due_on {} of {} is before its start_on {}", FormatIsoDate(action.due_on),
                       action.code, FormatIsoDate(action.start_on));
  }
  const Date horizon_end = date::year(action.horizon) / date::December / 31;
  if (horizon_end < action.due_on) {
    return fmt::format("due_on {} of {} is after its horizon: a {} action is due by {}",
                       FormatIsoDate(action.due_on), action.code, action.horizon,
                       FormatIsoDate(horizon_end));
  }
  if (!(action.weight > 0)) {
    return fmt::format("weight {} of {} is not a positive number", action.weight, action.code);
  }
  return std::nullopt;
}

std::optional<std::string> CheckMilestone(const MilestoneDraft& milestone) {
  const std::string prefix = fmt::format("{}-M", milestone.action);
  const bool prefixed =
      milestone.code.size() > prefix.size() && milestone.code.substr(0, prefix.size()) == prefix;
  if (!prefixed || !AllDigits(milestone.code.substr(prefix.size()))) {
    return fmt::format(
        "code {} is not a milestone code of action {}: it must be {} and digits, nothing after "
        "(like {}1)",
        Shown(milestone.code), Shown(milestone.action), Shown(prefix), Shown(prefix));
  }
  return std::nullopt;
}

std::optional<std::string> CheckUnit(const UnitDraft& unit) {
  const bool slug_ok = unit.slug.size() >= 2 && unit.slug.size() <= 40 && unit.slug[0] >= 'a' &&
                       unit.slug[0] <= 'z' && IsSlugText(unit.slug);
  if (!slug_ok) {
    return fmt::format(
        "slug {} must be 2-40 lower-case letters, digits or hyphens, starting with a letter",
        Shown(unit.slug));
  }
  static constexpr std::array<std::string_view, 6> kKinds = {"province", "city",       "county",
                                                             "district", "department", "agency"};
  if (std::find(kKinds.begin(), kKinds.end(), unit.kind) == kKinds.end()) {
    return fmt::format(
        "kind {} of {} is not one of province, city, county, district, department, agency",
        Shown(unit.kind), unit.slug);
  }
  return std::nullopt;
}

std::optional<std::string> CheckIndicator(const IndicatorDraft& indicator) {
  if (indicator.code.size() < 2 || indicator.code.size() > 40 || !IsSlugText(indicator.code)) {
    return fmt::format(
        "code {} is not an indicator code: 2-40 lower-case letters, digits or "
        "hyphens",
        Shown(indicator.code));
  }
  if (indicator.direction != "up" && indicator.direction != "down") {
    return fmt::format("direction {} of {} is not up or down", Shown(indicator.direction),
                       indicator.code);
  }
  if (indicator.baseline_year < 1990 || indicator.baseline_year > 2100) {
    return fmt::format("baseline_year {} of {} is not a year from 1990 to 2100",
                       indicator.baseline_year, indicator.code);
  }
  return std::nullopt;
}

std::optional<std::string> CheckTargetYear(std::string_view indicator, int year,
                                           int baseline_year) {
  if (year <= baseline_year || year > 2100) {
    return fmt::format("target year {} of {} is not after its baseline year {} (and by 2100)", year,
                       indicator, baseline_year);
  }
  return std::nullopt;
}

std::optional<std::string> CheckRole(std::string_view role) {
  if (role == "lead" || role == "support") return std::nullopt;
  return fmt::format("role {} is not lead or support", role.empty() ? "(none)" : Shown(role));
}

}  // namespace plantrack::domain
