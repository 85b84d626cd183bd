#include "domain/time_order.h"

#include <catch2/catch.hpp>

using namespace plantrack::domain;

namespace {

Date D(const char* text) { return *ParseIsoDate(text); }

// T2.03's series: 50 % in October, 56 % in December.
const std::vector<TimedEntry> kSeries = {
    {D("2026-10-01"), 50, EntryStatus::kOnTrack, false},
    {D("2026-12-02"), 56, EntryStatus::kOnTrack, false},
};

}  // namespace

TEST_CASE("time order: the neighbours of a date", "[domain]") {
  auto at = [](const char* day) { return NeighboursAt(kSeries, D(day)); };
  CHECK_FALSE(at("2026-09-30").before);
  CHECK(at("2026-09-30").after->percent == 50);
  CHECK(at("2026-10-01").before->percent == 50);  // the same day counts as before
  CHECK(at("2026-10-01").after->percent == 56);
  CHECK(at("2026-12-02").before->percent == 56);
  CHECK_FALSE(at("2026-12-02").after);
  CHECK_FALSE(NeighboursAt({}, D("2026-01-01")).before);
  CHECK(InsertionPoint(kSeries, D("2026-10-01")) == 1);
  CHECK(InsertionPoint(kSeries, D("2027-01-01")) == 2);
}

TEST_CASE("time order: an entry against the entries before and after it", "[domain]") {
  struct Case {
    const char* what;
    const char* on;
    int percent;
    const char* status;
    const char* note;
    std::vector<TimedEntry> series;
    bool accepted;
  };
  const TimedEntry blocked_with_note{D("2026-12-02"), 58, EntryStatus::kBlocked, true};
  const TimedEntry blocked_no_note{D("2026-12-02"), 58, EntryStatus::kBlocked, false};
  const TimedEntry done{D("2026-10-01"), 100, EntryStatus::kDone, false};
  const Case cases[] = {
      {"first entry", "2026-11-01", 10, "on-track", "", {}, true},
      {"backdated between", "2026-10-15", 53, "on-track", "", kSeries, true},
      {"backdated, equal to before", "2026-10-15", 50, "on-track", "", kSeries, true},
      {"backdated, equal to after", "2026-10-15", 56, "on-track", "", kSeries, true},
      {"backdated above the later one", "2026-11-30", 63, "on-track", "", kSeries, false},
      {"backdated below the earlier one", "2026-10-15", 40, "on-track", "", kSeries, false},
      {"latest, forward", "2026-12-03", 60, "at-risk", "", kSeries, true},
      {"latest, back without reason", "2026-12-03", 30, "on-track", "", kSeries, false},
      {"back, delayed, no note", "2026-12-03", 30, "delayed", "", kSeries, false},
      {"back, delayed, blank note", "2026-12-03", 30, "delayed", " \t\n\u3000", kSeries, false},
      {"back, delayed with note", "2026-12-03", 30, "delayed", "flood", kSeries, true},
      {"back, blocked with note", "2026-12-03", 0, "blocked", "court order", kSeries, true},
      {"back, at-risk with note", "2026-12-03", 30, "at-risk", "why", kSeries, false},
      {"above a later blocked one with a note",
       "2026-11-30",
       63,
       "on-track",
       "",
       {kSeries[0], blocked_with_note},
       true},
      {"above a later blocked one without a note",
       "2026-11-30",
       63,
       "on-track",
       "",
       {kSeries[0], blocked_no_note},
       false},
      {"after done", "2026-11-01", 100, "done", "", {done}, false},
      {"done before a later entry", "2026-11-01", 100, "done", "", kSeries, false},
      {"done at the end", "2026-12-03", 100, "done", "", kSeries, true},
      {"done below 100", "2026-12-03", 99, "done", "", kSeries, false},
      {"100 not done", "2026-12-03", 100, "on-track", "", kSeries, false},
      {"before the first", "2026-09-01", 20, "on-track", "", kSeries, true},
      {"before the first, above it", "2026-09-01", 70, "on-track", "", kSeries, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const NewEntry entry{"T2.03", D(c.on), c.percent, c.status, c.note};
    CHECK(!CheckTimeOrder(entry, NeighboursAt(c.series, D(c.on))).has_value() == c.accepted);
  }
}

TEST_CASE("time order: refusals name the value and the neighbour", "[domain]") {
  auto above =
      CheckTimeOrder({"T2.03", D("2026-11-30"), 63, "on-track", ""},
                     {kSeries[0], TimedEntry{D("2026-12-02"), 58, EntryStatus::kOnTrack, false}});
  REQUIRE(above);
  CHECK_THAT(*above, Catch::StartsWith("percent 63 on 2026-11-30 is above T2.03's 58% of "
                                       "2026-12-02, the entry after it"));
  auto below = CheckTimeOrder({"T2.03", D("2026-12-03"), 10, "on-track", ""}, {kSeries[1], {}});
  REQUIRE(below);
  CHECK_THAT(*below, Catch::StartsWith("percent 10 is below T2.03's 56% of 2026-12-02"));
}

TEST_CASE("time order: statuses by name", "[domain]") {
  for (const char* name : {"on-track", "at-risk", "delayed", "blocked", "done"}) {
    INFO(name);
    REQUIRE(ParseStatus(name));
    CHECK(StatusName(*ParseStatus(name)) == name);
  }
  CHECK_FALSE(ParseStatus("Done"));
  CHECK_FALSE(ParseStatus(""));
  CHECK(sizeof(TimedEntry) <= 12);
}
