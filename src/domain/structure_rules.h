#pragma once
// What the plan's structure must satisfy, whether it is changed by `add`, loaded by `init`,
// imported or received in a packet: codes that say where a row belongs (T2.03 is of area T2,
// T2.03-M1 of action T2.03), dates in order and inside their horizon, and the closed lists of
// kinds, roles and directions. Parsing (is it a date, a number) is the caller's; these rules
// take the parsed facts and return nothing when they hold, else one line naming the field, the
// value and the rule. Text fields are checked by domain/text_rules.h.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_date.h"

namespace plantrack::domain {

// The plan's two horizons: every action is due by the end of one of these years.
inline constexpr std::array<int, 2> kHorizonYears{2025, 2035};
bool IsHorizonYear(int year);
// "2025 or 2035", for messages and help.
std::string HorizonYearsText();

// An action as the rules read it.
struct ActionDraft {
  std::string_view code;  // T2.03
  std::string_view area;  // T2
  int horizon = 0;        // 2025 or 2035
  Date start_on, due_on;
  double weight = 1;
};
// The code is the area's code, a dot and two or more digits, nothing after; the horizon is 2025
// or 2035; start_on <= due_on <= the end of the horizon's year; the weight is positive.
std::optional<std::string> CheckAction(const ActionDraft& action);

// An action's code alone (see CheckAction).
std::optional<std::string> CheckActionCode(std::string_view code, std::string_view area);

struct MilestoneDraft {
  std::string_view code;    // T2.03-M1
  std::string_view action;  // T2.03
};
// The code is the action's code, "-M" and one or more digits, nothing after.
std::optional<std::string> CheckMilestone(const MilestoneDraft& milestone);

struct UnitDraft {
  std::string_view slug;  // 2-40 of a-z, 0-9 and '-', starting with a letter
  std::string_view kind;  // province | city | county | district | department | agency
};
std::optional<std::string> CheckUnit(const UnitDraft& unit);

struct IndicatorDraft {
  std::string_view code;       // 2-40 of a-z, 0-9 and '-'
  std::string_view direction;  // up | down
  int baseline_year = 0;       // 1990-2100
};
std::optional<std::string> CheckIndicator(const IndicatorDraft& indicator);

// A target's year comes after the baseline's.
std::optional<std::string> CheckTargetYear(std::string_view indicator, int year, int baseline_year);

// lead | support
std::optional<std::string> CheckRole(std::string_view role);

}  // namespace plantrack::domain
