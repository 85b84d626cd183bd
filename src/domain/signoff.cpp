#include "domain/signoff.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/reporting.h"

namespace plantrack::domain {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string_view StateName(SignoffState state) {
  switch (state) {
    case SignoffState::kNotSubmitted:
      return "not-submitted";
    case SignoffState::kSubmitted:
      return "submitted";
    case SignoffState::kApproved:
      return "approved";
    case SignoffState::kReopened:
      return "reopened";
  }
  return "not-submitted";
}

std::optional<SignoffState> StateAfter(std::string_view event) {
  if (event == "submit") return SignoffState::kSubmitted;
  if (event == "approve") return SignoffState::kApproved;
  if (event == "reopen") return SignoffState::kReopened;
  return std::nullopt;
}

int StateRank(SignoffState state) {
  switch (state) {
    case SignoffState::kNotSubmitted:
      return 0;
    case SignoffState::kReopened:
      return 1;
    case SignoffState::kSubmitted:
      return 2;
    case SignoffState::kApproved:
      return 3;
  }
  return 0;
}

const UnitLinks::Node* UnitLinks::Find(int64_t id) const {
  auto found = nodes_.find(id);
  return found == nodes_.end() ? nullptr : &found->second;
}

const std::string& UnitLinks::Slug(int64_t id) const {
  static const std::string kUnknown = "?";
  const Node* node = Find(id);
  return node ? node->slug : kUnknown;
}

std::vector<int64_t> UnitLinks::Ancestors(int64_t id) const {
  std::vector<int64_t> chain;
  for (const Node* node = Find(id); node && node->parent && chain.size() < nodes_.size();
       node = Find(*node->parent)) {
    chain.push_back(*node->parent);
  }
  return chain;
}

bool UnitLinks::Within(int64_t id, int64_t ancestor) const {
  if (id == ancestor) return true;
  const auto above = Ancestors(id);
  return std::find(above.begin(), above.end(), ancestor) != above.end();
}

std::optional<std::string> CheckSubmittable(const Quarter& quarter, const Date& today) {
  if (LastDay(quarter) < today) return std::nullopt;
  const bool running = FirstDay(quarter) <= today;
  return fmt::format("{} is {} (today is {}): a quarter can be submitted once it is over",
                     FormatQuarter(quarter), running ? "still running" : "in the future",
                     FormatIsoDate(today));
}

std::optional<std::string> CheckResubmit(const std::string& unit, const Quarter& quarter,
                                         SignoffState state) {
  if (state == SignoffState::kSubmitted) {
    return fmt::format("{} has already submitted {}", unit, FormatQuarter(quarter));
  }
  if (state == SignoffState::kApproved) {
    return fmt::format("{} {} is approved; it must be reopened before it is submitted again", unit,
                       FormatQuarter(quarter));
  }
  return std::nullopt;
}

std::vector<std::string> MissingReports(const Quarter& quarter,
                                        const std::vector<LeadReport>& leads) {
  std::vector<std::string> missing;
  for (const LeadReport& lead : leads) {
    if (!lead.reported && ExpectedIn(quarter, lead.start_on, lead.done_on)) {
      missing.push_back(lead.action);
    }
  }
  std::sort(missing.begin(), missing.end());
  return missing;
}

std::optional<std::string> CheckApprove(const UnitLinks& units, const ApproveRequest& request) {
  const std::string& unit = units.Slug(request.unit);
  const std::string& approver = units.Slug(request.approver);
  const std::string period = FormatQuarter(request.quarter);
  if (request.approver == request.unit) {
    return fmt::format("{} may not approve its own report for {}", unit, period);
  }
  const UnitLinks::Node* by = units.Find(request.approver);
  if (!(by && by->coordinator) && !units.Within(request.unit, request.approver)) {
    return fmt::format(
        "{} may not approve {}: only a unit above it (its parent {}) or a coordinator may",
        approver, unit,
        units.Find(request.unit) && units.Find(request.unit)->parent
            ? units.Slug(*units.Find(request.unit)->parent)
            : "none");
  }
  if (request.state == SignoffState::kApproved) {
    return fmt::format("{} {} is already approved", unit, period);
  }
  if (request.state != SignoffState::kSubmitted) {
    return fmt::format("{} has not submitted {} (it is {})", unit, period,
                       StateName(request.state));
  }
  if (!request.unapproved_below.empty()) {
    std::vector<std::string> slugs;
    for (int64_t below : request.unapproved_below) slugs.push_back(units.Slug(below));
    std::sort(slugs.begin(), slugs.end());
    return fmt::format("{} {} cannot be approved before the units below it that lead actions: {}",
                       unit, period, Join(slugs) + " not approved");
  }
  return std::nullopt;
}

std::optional<std::string> CheckReopen(const UnitLinks& units, const ReopenRequest& request) {
  const std::string& unit = units.Slug(request.unit);
  const std::string& actor = units.Slug(request.actor);
  const std::string period = FormatQuarter(request.quarter);
  if (request.state != SignoffState::kApproved && request.state != SignoffState::kSubmitted) {
    return fmt::format("{} {} is {}: there is nothing to reopen", unit, period,
                       StateName(request.state));
  }
  const UnitLinks::Node* by = units.Find(request.actor);
  const bool coordinator = by && by->coordinator;
  if (request.state == SignoffState::kApproved && request.approver) {
    if (!coordinator && !units.Within(*request.approver, request.actor)) {
      return fmt::format(
          "{} may not reopen {} {}: only its approver {}, a unit above it or a "
          "coordinator may",
          actor, unit, period, units.Slug(*request.approver));
    }
  } else if (!coordinator &&
             (request.actor == request.unit || !units.Within(request.unit, request.actor))) {
    return fmt::format("{} may not reopen {} {}: only a unit above it or a coordinator may", actor,
                       unit, period);
  }
  if (request.parent_approved) {
    const UnitLinks::Node* node = units.Find(request.unit);
    return fmt::format(
        "{} {} cannot be reopened while the approval of {} for {} stands; reopen "
        "that first",
        unit, period, node && node->parent ? units.Slug(*node->parent) : "?", period);
  }
  return std::nullopt;
}

std::string LockedMessage(std::string_view what, std::string_view on, const PeriodLock& lock) {
  return fmt::format(
      "{} {} is in {}, approved for {} by {} at {}: the quarter is locked (reopen {} "
      "{} to change it)",
      what, on, lock.period, lock.unit, lock.by, lock.recorded_at, lock.unit, lock.period);
}

}  // namespace plantrack::domain
