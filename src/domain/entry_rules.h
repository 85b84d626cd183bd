#pragma once
// What a progress entry, a milestone completion or an indicator value must satisfy before it
// is written, whichever way it comes in. Each check returns nothing when the input is
// acceptable, else a one-line reason that names the field, the offending value and the rule.
// The entry's place among the action's other entries is domain/time_order.h.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "domain/text_rules.h"
#include "domain/time_order.h"

namespace plantrack::domain {

// A date an entry may be about: not after today, not before the plan was issued, not after the
// far horizon. `field` names it in the message ("logged_on", "done_on").
std::optional<std::string> CheckEntryDate(const Date& on, const Date& today, const Date& issued_on,
                                          const Date& far_horizon,
                                          std::string_view field = "logged_on");

// An entry is about the action's work, which cannot have progressed before it started.
std::optional<std::string> CheckEntryStart(std::string_view action, const Date& on,
                                           const Date& start_on);

// When an entry was recorded, as a file claims it: not after `now_utc` (a claim of the future)
// and not before the day the entry is about, so that nobody can make a late report look timely.
// Both timestamps are 'YYYY-MM-DDTHH:MM:SSZ'.
std::optional<std::string> CheckRecordedAt(std::string_view recorded_at, const Date& logged_on,
                                           std::string_view now_utc);

bool IsStatus(std::string_view status);  // on-track | at-risk | delayed | blocked | done

// Percent 0-100, a known status, and `done` exactly at 100 %: an entry at 100 % is done, and
// done is only ever 100 %.
std::optional<std::string> CheckPercentAndStatus(int percent, std::string_view status);

// The status of an entry given without one. At 100 % it is done. Otherwise on-track, except
// that when the entry before it is delayed or blocked, an entry by a unit that does not lead
// the action keeps that status: a supporting unit reporting its share of the work does not, by
// saying nothing, lift the lead's delay. The lead (or a coordinator) lifts it by logging, and
// anyone can still give a status explicitly.
std::string DefaultStatus(int percent, std::optional<EntryStatus> status_before, bool writer_leads);

// A milestone as the completion warning reads it.
struct MilestoneState {
  std::string code;
  Date due_on;
  std::optional<Date> done_on;
};
// The milestones still open on `on` (not done, or done only after it), in the order given.
std::vector<const MilestoneState*> OpenOn(std::span<const MilestoneState> milestones,
                                          const Date& on);
// An entry bringing an action to 100 % while milestones are open is accepted (milestones may be
// completed later, and entries and completions can arrive in any order from offices), but the
// writer is told which: nothing when none is open, else one line listing them.
std::optional<std::string> OpenMilestonesWarning(std::string_view action, int percent,
                                                 const Date& on,
                                                 std::span<const MilestoneState> milestones);

}  // namespace plantrack::domain
