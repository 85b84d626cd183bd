// The sign-off rules without a database: when a quarter may be submitted, who may approve and
// reopen, in which order, and what a standing approval locks.

#include "domain/signoff.h"

#include <catch2/catch.hpp>

#include "domain/period_locks.h"

using namespace plantrack::domain;

namespace {

Date D(const char* text) { return *ParseIsoDate(text); }

// hunan (1) > zhuzhou (2) > liling (3); hunan > changsha (4); hunan > drc (5, coordinator).
UnitLinks Tree() {
  UnitLinks units;
  units.Add(1, {"hunan", std::nullopt, false});
  units.Add(2, {"zhuzhou", 1, false});
  units.Add(3, {"liling", 2, false});
  units.Add(4, {"changsha", 1, false});
  units.Add(5, {"drc", 1, true});
  return units;
}

const Quarter kQ3{2026, 3};

}  // namespace

TEST_CASE("signoff: a quarter is submitted once it is over", "[domain][signoff]") {
  CHECK_FALSE(CheckSubmittable(kQ3, D("2026-10-01")));
  auto running = CheckSubmittable(kQ3, D("2026-09-30"));
  REQUIRE(running);
  CHECK_THAT(*running, Catch::Contains("2026Q3 is still running"));
  auto future = CheckSubmittable(Quarter{2027, 1}, D("2026-11-28"));
  REQUIRE(future);
  CHECK_THAT(*future, Catch::Contains("in the future"));
  CHECK(CheckResubmit("liling", kQ3, SignoffState::kSubmitted));
  CHECK(CheckResubmit("liling", kQ3, SignoffState::kApproved));
  CHECK_FALSE(CheckResubmit("liling", kQ3, SignoffState::kReopened));
  CHECK_FALSE(CheckResubmit("liling", kQ3, SignoffState::kNotSubmitted));
}

TEST_CASE("signoff: missing reports are the expected actions without an entry",
          "[domain][signoff]") {
  const std::vector<LeadReport> leads = {
      {"T1.02", D("2024-01-01"), std::nullopt, false},     // missing
      {"T1.01", D("2024-01-01"), std::nullopt, true},      // reported
      {"T2.01", D("2027-01-01"), std::nullopt, false},     // not started
      {"T2.02", D("2024-01-01"), D("2025-01-01"), false},  // done before
      {"T0.01", D("2026-09-30"), std::nullopt, false},     // started on the last day: missing
  };
  CHECK(MissingReports(kQ3, leads) == std::vector<std::string>{"T0.01", "T1.02"});
}

TEST_CASE("signoff: who may approve, and in which order", "[domain][signoff]") {
  const UnitLinks units = Tree();
  auto approve = [&](int64_t by, int64_t unit, SignoffState state,
                     std::vector<int64_t> below = {}) {
    return CheckApprove(units, {by, unit, kQ3, state, std::move(below)});
  };
  CHECK_FALSE(approve(2, 3, SignoffState::kSubmitted));  // the parent
  CHECK_FALSE(approve(1, 3, SignoffState::kSubmitted));  // an ancestor
  CHECK_FALSE(approve(5, 3, SignoffState::kSubmitted));  // a coordinator
  auto self = approve(3, 3, SignoffState::kSubmitted);
  REQUIRE(self);
  CHECK_THAT(*self, Catch::Contains("liling may not approve its own report for 2026Q3"));
  auto sibling = approve(4, 3, SignoffState::kSubmitted);
  REQUIRE(sibling);
  CHECK_THAT(*sibling, Catch::Contains("changsha may not approve liling"));
  auto unsubmitted = approve(2, 3, SignoffState::kNotSubmitted);
  REQUIRE(unsubmitted);
  CHECK_THAT(*unsubmitted, Catch::Contains("liling has not submitted 2026Q3"));
  CHECK(approve(2, 3, SignoffState::kReopened));
  CHECK(approve(2, 3, SignoffState::kApproved));
  auto out_of_order = approve(1, 2, SignoffState::kSubmitted, {3});
  REQUIRE(out_of_order);
  CHECK_THAT(*out_of_order, Catch::Contains("liling not approved"));
}

TEST_CASE("signoff: who may reopen, top-down", "[domain][signoff]") {
  const UnitLinks units = Tree();
  auto reopen = [&](int64_t by, SignoffState state, bool parent_approved) {
    return CheckReopen(units, {by, 3, kQ3, state, int64_t{2}, parent_approved});
  };
  CHECK_FALSE(reopen(2, SignoffState::kApproved, false));  // the approver
  CHECK_FALSE(reopen(1, SignoffState::kApproved, false));  // above the approver
  CHECK_FALSE(reopen(5, SignoffState::kApproved, false));  // a coordinator
  auto self = reopen(3, SignoffState::kApproved, false);
  REQUIRE(self);
  CHECK_THAT(*self, Catch::Contains("only its approver zhuzhou"));
  CHECK(reopen(4, SignoffState::kApproved, false));
  auto out_of_order = reopen(2, SignoffState::kApproved, true);
  REQUIRE(out_of_order);
  CHECK_THAT(*out_of_order, Catch::Contains("while the approval of zhuzhou for 2026Q3 stands"));
  CHECK(reopen(2, SignoffState::kNotSubmitted, false));
  CHECK(reopen(2, SignoffState::kReopened, false));
  // A submission not yet approved goes back by whoever could approve it.
  CHECK_FALSE(CheckReopen(units, {2, 3, kQ3, SignoffState::kSubmitted, std::nullopt, false}));
  CHECK(CheckReopen(units, {3, 3, kQ3, SignoffState::kSubmitted, std::nullopt, false}));
}

TEST_CASE("signoff: an approval locks its quarter for the subtree's actions and values",
          "[domain][signoff]") {
  const UnitLinks units = Tree();
  const PeriodLock zhuzhou{"zhuzhou", "2026Q3", "hunan", "2026-10-20T09:00:00Z"};
  // Action 10 led by liling, action 11 supported by zhuzhou, action 12 changsha's alone.
  const PeriodLocks locks(units, {{2, kQ3, zhuzhou}}, {{10, 3}, {11, 4}, {11, 2}, {12, 4}});
  CHECK_FALSE(locks.empty());
  REQUIRE(locks.ForAction(10, D("2026-08-01")));
  CHECK(locks.ForAction(10, D("2026-08-01"))->unit == "zhuzhou");
  CHECK(locks.ForAction(11, D("2026-09-30")));
  CHECK_FALSE(locks.ForAction(12, D("2026-08-01")));
  CHECK_FALSE(locks.ForAction(10, D("2026-10-01")));
  CHECK_FALSE(locks.ForAction(10, D("2026-06-30")));
  CHECK(locks.ForUnit(3, D("2026-07-01")));        // below the approved unit
  CHECK_FALSE(locks.ForUnit(1, D("2026-07-01")));  // above it
  CHECK_FALSE(locks.ForUnit(4, D("2026-07-01")));
  CHECK(PeriodLocks().empty());
  CHECK_THAT(LockedMessage("--on", "2026-08-01", zhuzhou),
             Catch::Contains("--on 2026-08-01 is in 2026Q3, approved for zhuzhou by hunan at "
                             "2026-10-20T09:00:00Z"));
}
