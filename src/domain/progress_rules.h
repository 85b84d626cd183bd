#pragma once
// The status rules of DESIGN.md for one action or milestone as of a date: expected progress,
// overdue, behind pace, projected completion and the RAG colour. Pure functions of the facts
// passed in; the caller has already dropped retracted entries and entries logged after as-of.

#include <optional>
#include <string>

#include "domain/civil_date.h"

namespace plantrack::domain {

// A progress entry reduced to what the rules read.
struct LogPoint {
  Date on;
  int percent = 0;
  std::string status;  // on-track | at-risk | delayed | blocked | done
};

struct ActionFacts {
  Date start_on;
  Date due_on;
  std::optional<LogPoint> first;   // earliest entry as of the date, if any
  std::optional<LogPoint> latest;  // latest entry as of the date, if any
};

enum class Rag { kDone, kGreen, kAmber, kRed };
std::string RagName(Rag rag);  // "done", "green", "amber", "red"

// Why an action is not green, in order of precedence.
enum class Reason { kNone, kOverdue, kBlocked, kDelayed, kBehindPace, kProjectedLate };
std::string ReasonName(Reason reason);  // "", "overdue", "blocked", ...

constexpr double kBehindPacePoints = 15.0;

struct Assessment {
  Rag rag = Rag::kGreen;
  Reason reason = Reason::kNone;
  int percent = 0;                // latest percent, 0 before any entry
  double expected = 0;            // linear from start (0 %) to due (100 %), clamped
  double shortfall = 0;           // expected - percent, in points (negative when ahead)
  int days_overdue = 0;           // as_of - due_on when overdue, else 0
  bool never = false;             // pace is zero: projected completion is "never"
  std::optional<Date> projected;  // projected completion, when there is a pace
};

// Expected percent at `as_of`: 0 up to start_on, 100 from due_on on.
double ExpectedPercent(const Date& start_on, const Date& due_on, const Date& as_of);

// Projected completion from the pace since the first entry (or since start_on at 0 % when
// there is only one entry). Nothing when there is no entry; `never` when the pace is zero.
struct Projection {
  std::optional<Date> on;
  bool never = false;
};
Projection ProjectCompletion(const ActionFacts& facts);

Assessment AssessAction(const ActionFacts& facts, const Date& as_of);

// A milestone is overdue when it was due before as_of and not done by as_of.
bool MilestoneOverdue(const Date& due_on, const std::optional<Date>& done_on, const Date& as_of);

}  // namespace plantrack::domain
