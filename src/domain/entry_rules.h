#pragma once
// What a progress entry, a milestone completion or an indicator value must satisfy before it
// is written. Each check returns nothing when the input is acceptable, else a one-line reason
// that names the offending value.

#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_date.h"

namespace plantrack::domain {

constexpr size_t kMaxNoteLength = 2000;

// Notes and reasons: valid UTF-8, at most 2,000 characters, no control characters but newline and
// tab.
std::optional<std::string> CheckNote(std::string_view option, std::string_view note);

// A date an entry may be about: not after today, not before the plan was issued, not after the
// far horizon.
std::optional<std::string> CheckEntryDate(const Date& on, const Date& today, const Date& issued_on,
                                          const Date& far_horizon);

bool IsStatus(std::string_view status);  // on-track | at-risk | delayed | blocked | done

struct LatestEntry {
  int percent = 0;
  std::string status;
};

// A new entry against the action's latest live one: never below it unless the status is
// delayed or blocked and a note says why; `done` only at 100 %; nothing after done.
std::optional<std::string> CheckProgress(std::string_view action, int percent,
                                         std::string_view status, std::string_view note,
                                         const std::optional<LatestEntry>& latest);

}  // namespace plantrack::domain
