#include "domain/progress_rules.h"

#include <algorithm>
#include <cmath>

namespace plantrack::domain {

std::string RagName(Rag rag) {
  switch (rag) {
    case Rag::kDone:
      return "done";
    case Rag::kGreen:
      return "green";
    case Rag::kAmber:
      return "amber";
    case Rag::kRed:
      return "red";
  }
  return "";
}

std::string ReasonName(Reason reason) {
  switch (reason) {
    case Reason::kNone:
      return "";
    case Reason::kOverdue:
      return "overdue";
    case Reason::kBlocked:
      return "blocked";
    case Reason::kDelayed:
      return "delayed";
    case Reason::kBehindPace:
      return "behind-pace";
    case Reason::kProjectedLate:
      return "projected-late";
  }
  return "";
}

double ExpectedPercent(const Date& start_on, const Date& due_on, const Date& as_of) {
  if (as_of >= due_on) return 100.0;
  if (as_of <= start_on) return 0.0;
  const double span = DaysBetween(start_on, due_on);
  return 100.0 * DaysBetween(start_on, as_of) / span;
}

Projection ProjectCompletion(const ActionFacts& facts) {
  if (!facts.latest) return {};
  const LogPoint& latest = *facts.latest;
  if (latest.percent >= 100) return {latest.on, false};
  // Pace since the first entry; with a single entry, since the start at 0 %.
  LogPoint from{facts.start_on, 0, ""};
  if (facts.first && facts.first->on < latest.on) from = *facts.first;
  const int days = DaysBetween(from.on, latest.on);
  const int gained = latest.percent - from.percent;
  if (days <= 0 || gained <= 0) return {std::nullopt, true};
  const double per_day = static_cast<double>(gained) / days;
  const int remaining = static_cast<int>(std::ceil((100 - latest.percent) / per_day));
  return {AddDays(latest.on, remaining), false};
}

Assessment AssessAction(const ActionFacts& facts, const Date& as_of) {
  Assessment result;
  result.percent = facts.latest ? facts.latest->percent : 0;
  result.expected = ExpectedPercent(facts.start_on, facts.due_on, as_of);
  result.shortfall = result.expected - result.percent;
  if (result.percent >= 100) {
    result.rag = Rag::kDone;
    result.projected = facts.latest->on;
    return result;
  }
  const Projection projection = ProjectCompletion(facts);
  result.projected = projection.on;
  result.never = projection.never;
  const std::string status = facts.latest ? facts.latest->status : "";
  if (facts.due_on < as_of) {
    result.rag = Rag::kRed;
    result.reason = Reason::kOverdue;
    result.days_overdue = DaysBetween(facts.due_on, as_of);
  } else if (status == "blocked") {
    result.rag = Rag::kRed;
    result.reason = Reason::kBlocked;
  } else if (status == "delayed") {
    result.rag = Rag::kRed;
    result.reason = Reason::kDelayed;
  } else if (result.shortfall > kBehindPacePoints) {
    result.rag = Rag::kAmber;
    result.reason = Reason::kBehindPace;
  } else if (projection.never || (projection.on && *projection.on > facts.due_on)) {
    result.rag = Rag::kAmber;
    result.reason = Reason::kProjectedLate;
  }
  return result;
}

bool MilestoneOverdue(const Date& due_on, const std::optional<Date>& done_on, const Date& as_of) {
  const bool done_by_then = done_on && *done_on <= as_of;
  return due_on < as_of && !done_by_then;
}

}  // namespace plantrack::domain
