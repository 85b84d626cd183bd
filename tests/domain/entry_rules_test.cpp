#include "domain/entry_rules.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {
Date D(const char* text) { return *ParseIsoDate(text); }
}  // namespace

TEST_CASE("entry rules: percent and status agree", "[domain]") {
  struct Case {
    int percent;
    const char* status;
    bool accepted;
  };
  const Case cases[] = {
      {0, "on-track", true},   {99, "at-risk", true},    {100, "done", true},
      {99, "done", false},     {0, "done", false},       {100, "on-track", false},
      {100, "blocked", false}, {101, "on-track", false}, {-1, "on-track", false},
      {10, "fine", false},     {10, "", false},          {10, "Done", false},
  };
  for (const Case& c : cases) {
    INFO(c.percent << " " << c.status);
    CHECK(!CheckPercentAndStatus(c.percent, c.status).has_value() == c.accepted);
  }
  CHECK_THAT(*CheckPercentAndStatus(100, "on-track"),
             Catch::Contains("percent 100 with status on-track"));
}

TEST_CASE("entry rules: dates between the plan's issue and today", "[domain]") {
  const Date issued = D("2022-03-22"), far = D("2035-12-31");
  const Date today = D("2026-11-28");
  CHECK_FALSE(CheckEntryDate(today, today, issued, far));
  CHECK_FALSE(CheckEntryDate(issued, today, issued, far));
  CHECK_FALSE(CheckEntryDate(D("2024-02-29"), today, issued, far));
  CHECK(CheckEntryDate(D("2026-11-29"), today, issued, far));
  CHECK(CheckEntryDate(D("2022-03-21"), today, issued, far));
  CHECK(CheckEntryDate(D("2099-01-01"), today, issued, far));
  CHECK(CheckEntryDate(D("0000-01-01"), today, issued, far));
  CHECK(CheckEntryDate(D("2036-01-01"), D("2036-06-01"), issued, far));
  CHECK_THAT(*CheckEntryDate(D("2026-11-29"), today, issued, far, "done_on"),
             Catch::StartsWith("done_on 2026-11-29 is in the future"));
}

TEST_CASE("entry rules: not before the action starts", "[domain]") {
  const Date start = D("2024-01-01");
  CHECK_FALSE(CheckEntryStart("T1.01", start, start));
  CHECK_FALSE(CheckEntryStart("T1.01", D("2024-01-02"), start));
  auto problem = CheckEntryStart("T1.01", D("2023-12-31"), start);
  REQUIRE(problem);
  CHECK(*problem == "logged_on 2023-12-31 is before T1.01 started on 2024-01-01");
}

TEST_CASE("entry rules: recorded_at is neither in the future nor before its day", "[domain]") {
  const char* now = "2026-11-28T10:00:00Z";
  struct Case {
    const char* recorded_at;
    const char* logged_on;
    bool accepted;
  };
  const Case cases[] = {
      {"2026-11-28T10:00:00Z", "2026-11-28", true},   // now, about today
      {"2026-11-28T10:00:01Z", "2026-11-28", false},  // a second in the future
      {"2030-01-01T00:00:00Z", "2026-11-01", false},  // "recorded" in 2030
      {"2026-11-01T00:00:00Z", "2026-11-01", true},   // the same day
      {"2026-10-31T23:59:59Z", "2026-11-01", false},  // before the day it is about
      {"2025-01-15T08:00:00Z", "2024-12-31", true},   // late, honestly
  };
  for (const Case& c : cases) {
    INFO(c.recorded_at << " for " << c.logged_on);
    CHECK(!CheckRecordedAt(c.recorded_at, D(c.logged_on), now).has_value() == c.accepted);
  }
}

TEST_CASE("entry rules: the default status", "[domain]") {
  struct Case {
    const char* what;
    int percent;
    std::optional<EntryStatus> before;
    bool leads;
    const char* status;
  };
  const Case cases[] = {
      {"first entry", 10, std::nullopt, false, "on-track"},
      {"at 100", 100, EntryStatus::kBlocked, false, "done"},
      {"lead after blocked", 40, EntryStatus::kBlocked, true, "on-track"},
      {"support after blocked", 40, EntryStatus::kBlocked, false, "blocked"},
      {"support after delayed", 40, EntryStatus::kDelayed, false, "delayed"},
      {"support after at-risk", 40, EntryStatus::kAtRisk, false, "on-track"},
      {"support after on-track", 40, EntryStatus::kOnTrack, false, "on-track"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(DefaultStatus(c.percent, c.before, c.leads) == c.status);
  }
}

TEST_CASE("entry rules: done with open milestones is named", "[domain]") {
  const std::vector<MilestoneState> milestones = {
      {"T1.01-M1", D("2024-06-30"), D("2024-06-01")},
      {"T1.01-M2", D("2025-06-30"), std::nullopt},
      {"T1.01-M3", D("2025-12-31"), D("2026-02-01")},  // done after the entry's day
  };
  CHECK_FALSE(OpenMilestonesWarning("T1.01", 99, D("2026-01-01"), milestones));
  auto warning = OpenMilestonesWarning("T1.01", 100, D("2026-01-01"), milestones);
  REQUIRE(warning);
  CHECK(*warning ==
        "T1.01 is done on 2026-01-01 with 2 milestones still open: T1.01-M2 (due 2025-06-30), "
        "T1.01-M3 (due 2025-12-31)");
  CHECK(OpenOn(milestones, D("2026-02-01")).size() == 1);
  CHECK_FALSE(OpenMilestonesWarning("T1.01", 100, D("2026-01-01"), {}));
}
