#include "domain/entry_rules.h"

#include <fmt/format.h>

namespace plantrack::domain {

std::optional<std::string> CheckEntryDate(const Date& on, const Date& today, const Date& issued_on,
                                          const Date& far_horizon, std::string_view field) {
  if (today < on) {
    return fmt::format("{} {} is in the future (today is {})", field, FormatIsoDate(on),
                       FormatIsoDate(today));
  }
  if (on < issued_on) {
    return fmt::format("{} {} is before the plan was issued on {}", field, FormatIsoDate(on),
                       FormatIsoDate(issued_on));
  }
  if (far_horizon < on) {
    return fmt::format("{} {} is after the plan's far horizon {}", field, FormatIsoDate(on),
                       FormatIsoDate(far_horizon));
  }
  return std::nullopt;
}

std::optional<std::string> CheckEntryStart(std::string_view action, const Date& on,
                                           const Date& start_on) {
  if (on < start_on) {
    return fmt::format("logged_on {} is before {} started on {}", FormatIsoDate(on), action,
                       FormatIsoDate(start_on));
  }
  return std::nullopt;
}

std::optional<std::string> CheckRecordedAt(std::string_view recorded_at, const Date& logged_on,
                                           std::string_view now_utc) {
  // The fixed-width ISO form orders as text.
  if (recorded_at > now_utc) {
    return fmt::format("recorded_at {} is in the future (now is {})", recorded_at, now_utc);
  }
  // Parsed rather than formatted: an import checks a million of these.
  const auto recorded_on = ParseIsoDate(recorded_at.substr(0, 10));
  if (recorded_on && *recorded_on < logged_on) {
    return fmt::format(
        "recorded_at {} is before the entry's logged_on {}: an entry cannot be "
        "recorded before the day it is about",
        recorded_at, FormatIsoDate(logged_on));
  }
  return std::nullopt;
}

bool IsStatus(std::string_view status) { return ParseStatus(status).has_value(); }

std::optional<std::string> CheckPercentAndStatus(int percent, std::string_view status) {
  if (percent < 0 || percent > 100) {
    return fmt::format("percent {} is not a whole number from 0 to 100", percent);
  }
  if (!IsStatus(status)) {
    return fmt::format("status {} is not one of on-track, at-risk, delayed, blocked, done",
                       status.empty() ? "(empty)" : status);
  }
  if (status == "done" && percent != 100) {
    return fmt::format("status done needs percent 100, not {}", percent);
  }
  if (percent == 100 && status != "done") {
    return fmt::format("percent 100 with status {}: an entry at 100 % is done (status done)",
                       status);
  }
  return std::nullopt;
}

std::string DefaultStatus(int percent, std::optional<EntryStatus> status_before,
                          bool writer_leads) {
  if (percent == 100) return "done";
  if (!writer_leads &&
      (status_before == EntryStatus::kDelayed || status_before == EntryStatus::kBlocked)) {
    return std::string(StatusName(*status_before));
  }
  return "on-track";
}

std::vector<const MilestoneState*> OpenOn(std::span<const MilestoneState> milestones,
                                          const Date& on) {
  std::vector<const MilestoneState*> open;
  for (const MilestoneState& milestone : milestones) {
    if (!milestone.done_on || on < *milestone.done_on) open.push_back(&milestone);
  }
  return open;
}

std::optional<std::string> OpenMilestonesWarning(std::string_view action, int percent,
                                                 const Date& on,
                                                 std::span<const MilestoneState> milestones) {
  if (percent != 100) return std::nullopt;
  const std::vector<const MilestoneState*> open = OpenOn(milestones, on);
  if (open.empty()) return std::nullopt;
  std::string list;
  for (const MilestoneState* milestone : open) {
    list += fmt::format("{}{} (due {})", list.empty() ? "" : ", ", milestone->code,
                        FormatIsoDate(milestone->due_on));
  }
  return fmt::format("{} is done on {} with {} milestone{} still open: {}", action,
                     FormatIsoDate(on), open.size(), open.size() == 1 ? "" : "s", list);
}

}  // namespace plantrack::domain
