#pragma once
// Time order: a progress entry is judged against the action's live entries dated just before
// and just after it, not against the latest one, so that history can be filled in (a 53 %
// dated between 50 % and 56 % is fine) and nothing anywhere in the series goes down unless the
// entry where it goes down says why (delayed or blocked, with a note). Pure: the caller gives
// the neighbours, from the database or from an importer's cache.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/civil_date.h"

namespace plantrack::domain {

// The statuses of progress_log, as a byte: an import may hold a million entries' statuses.
enum class EntryStatus : uint8_t { kOnTrack, kAtRisk, kDelayed, kBlocked, kDone };
// "on-track" and so on; nothing for any other text.
std::optional<EntryStatus> ParseStatus(std::string_view status);
std::string_view StatusName(EntryStatus status);

// A live entry of an action as the rules read it (12 bytes).
struct TimedEntry {
  Date on;
  int percent = 0;
  EntryStatus status = EntryStatus::kOnTrack;
  bool says_why = false;  // its note says something (domain::SaysSomething)
};

// The action's live entries nearest to a date: the latest dated on or before it (an entry of the
// same day was recorded earlier, so it comes before), and the earliest dated after it.
struct Neighbours {
  std::optional<TimedEntry> before, after;
};

// The neighbours of `on` in `timeline`, which is sorted by date and, within a day, in the order
// the entries were recorded.
Neighbours NeighboursAt(std::span<const TimedEntry> timeline, const Date& on);

// Where a new entry goes in such a timeline: after every entry dated on or before it.
size_t InsertionPoint(std::span<const TimedEntry> timeline, const Date& on);

struct NewEntry {
  std::string_view action;  // its code, for messages
  Date on;
  int percent = 0;
  std::string_view status;
  std::string_view note;
};

// CheckPercentAndStatus, then against the neighbours:
// - nothing after done: the entry before must not be done, and a done entry has no later one;
// - not below the entry before, unless this entry is delayed or blocked and its note says why;
// - not above the entry after, unless that entry is delayed or blocked and its note says why
//   (else the series would go down there, unexplained).
std::optional<std::string> CheckTimeOrder(const NewEntry& entry, const Neighbours& neighbours);

// Whether an entry explains going down: delayed or blocked, with a note that says something.
bool ExplainsGoingBack(std::optional<EntryStatus> status, bool says_why);

}  // namespace plantrack::domain
