#include "domain/time_order.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/entry_rules.h"
#include "domain/text_rules.h"

namespace plantrack::domain {

std::optional<EntryStatus> ParseStatus(std::string_view status) {
  if (status == "on-track") return EntryStatus::kOnTrack;
  if (status == "at-risk") return EntryStatus::kAtRisk;
  if (status == "delayed") return EntryStatus::kDelayed;
  if (status == "blocked") return EntryStatus::kBlocked;
  if (status == "done") return EntryStatus::kDone;
  return std::nullopt;
}

std::string_view StatusName(EntryStatus status) {
  switch (status) {
    case EntryStatus::kOnTrack:
      return "on-track";
    case EntryStatus::kAtRisk:
      return "at-risk";
    case EntryStatus::kDelayed:
      return "delayed";
    case EntryStatus::kBlocked:
      return "blocked";
    case EntryStatus::kDone:
      return "done";
  }
  return "";
}

size_t InsertionPoint(std::span<const TimedEntry> timeline, const Date& on) {
  auto after = std::upper_bound(timeline.begin(), timeline.end(), on,
                                [](const Date& day, const TimedEntry& e) { return day < e.on; });
  return static_cast<size_t>(after - timeline.begin());
}

Neighbours NeighboursAt(std::span<const TimedEntry> timeline, const Date& on) {
  const size_t at = InsertionPoint(timeline, on);
  Neighbours neighbours;
  if (at > 0) neighbours.before = timeline[at - 1];
  if (at < timeline.size()) neighbours.after = timeline[at];
  return neighbours;
}

bool ExplainsGoingBack(std::optional<EntryStatus> status, bool says_why) {
  return (status == EntryStatus::kDelayed || status == EntryStatus::kBlocked) && says_why;
}

std::optional<std::string> CheckTimeOrder(const NewEntry& entry, const Neighbours& neighbours) {
  if (auto problem = CheckPercentAndStatus(entry.percent, entry.status)) return problem;
  if (const auto& before = neighbours.before) {
    if (before->status == EntryStatus::kDone) {
      return fmt::format(
          "{} is already done (on {}); an entry after done needs that entry retracted first",
          entry.action, FormatIsoDate(before->on));
    }
    if (entry.percent < before->percent &&
        !ExplainsGoingBack(ParseStatus(entry.status), SaysSomething(entry.note))) {
      return fmt::format(
          "percent {} is below {}'s {}% of {}, the entry before it; going back needs status "
          "delayed or blocked and a note saying why",
          entry.percent, entry.action, before->percent, FormatIsoDate(before->on));
    }
  }
  if (const auto& after = neighbours.after) {
    if (entry.status == "done") {
      return fmt::format(
          "status done on {}: {} has a later entry ({}% on {}); done must be the last entry",
          FormatIsoDate(entry.on), entry.action, after->percent, FormatIsoDate(after->on));
    }
    if (after->percent < entry.percent && !ExplainsGoingBack(after->status, after->says_why)) {
      return fmt::format(
          "percent {} on {} is above {}'s {}% of {}, the entry after it: the series would go "
          "down there without a delayed or blocked entry saying why",
          entry.percent, FormatIsoDate(entry.on), entry.action, after->percent,
          FormatIsoDate(after->on));
    }
  }
  return std::nullopt;
}

}  // namespace plantrack::domain
