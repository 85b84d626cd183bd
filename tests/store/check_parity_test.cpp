// A bulk import inserts progress rows without the schema's CHECK constraints, because the
// importer has already applied the same rules (store/plan_import.h). This test holds the two in
// agreement: every value the importer accepts, the CHECKs accept too, and each edge case gets
// the same verdict from both.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "store/connection.h"
#include "store/plan_import.h"
#include "test_support.h"

using plantrack::store::Connection;
using plantrack::store::Importer;
using plantrack::store::ImportRow;
using plantrack::store::RowKind;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;

namespace {

struct Values {
  std::string logged_on = "2024-02-29";
  std::string recorded_at = "2024-03-01T08:30:00Z";
  std::string percent = "40";
  std::string status = "on-track";
  std::string note;
};

// The importer's verdict, on the trusted path `init` uses (no permission rules; the date rules
// of the write path hold on every path).
bool ImporterAccepts(const Values& v) {
  Connection connection = MemoryStore(kOneActionPlan);
  int errors = 0;
  {
    Importer importer(connection, {std::nullopt, "2026-11-28T10:00:00Z", "2026-11-28", 1});
    importer.Add(RowKind::kProgress, ImportRow{"progress.csv",
                                               2,
                                               {"T1.01", "changsha", v.logged_on, v.recorded_at,
                                                v.percent, v.status, v.note, ""}});
    importer.Finish();
    errors = importer.error_count();
  }
  const int rows = connection.db().execAndGet("SELECT count(*) FROM progress_log").getInt();
  CHECK(rows == (errors == 0 ? 1 : 0));
  return errors == 0;
}

// The schema's verdict: a plain INSERT with the CHECKs on, the percent as an integer.
bool SchemaAccepts(const Values& v) {
  Connection connection = MemoryStore(kOneActionPlan);
  SQLite::Statement insert(connection.db(), R"sql(
    INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status, note)
    VALUES (1, 1, ?1, ?2, ?3, ?4, ?5)
  )sql");
  insert.bind(1, v.logged_on);
  insert.bind(2, v.recorded_at);
  insert.bind(3, static_cast<int64_t>(std::stoll(v.percent)));
  insert.bind(4, v.status);
  insert.bind(5, v.note);
  try {
    insert.exec();
    return true;
  } catch (const SQLite::Exception&) {
    return false;
  }
}

std::string Repeat(const std::string& piece, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += piece;
  return text;
}

}  // namespace

TEST_CASE("check parity: the importer accepts exactly what the schema's CHECKs accept",
          "[store][import]") {
  struct Case {
    const char* name;
    Values values;
    bool accepted;
    // Refused by a rule of the write path that the schema does not hold (dates outside the
    // plan's span, a recorded_at in the future or before its day, 100 % not done); the schema
    // accepts it.
    bool write_rule = false;
  };
  auto with = [](auto change) {
    Values v;
    change(v);
    return v;
  };
  const Case cases[] = {
      {"a plain entry", Values{}, true},
      {"leap day 2024", with([](Values& v) { v.logged_on = "2024-02-29"; }), true},
      {"no leap day 2025", with([](Values& v) { v.logged_on = "2025-02-29"; }), false},
      {"no leap day 2100", with([](Values& v) { v.logged_on = "2100-02-29"; }), false},
      {"leap day 2000", with([](Values& v) { v.logged_on = "2000-02-29"; }), true, true},
      {"April 31st", with([](Values& v) { v.logged_on = "2025-04-31"; }), false},
      {"month 13", with([](Values& v) { v.logged_on = "2025-13-01"; }), false},
      {"day 0", with([](Values& v) { v.logged_on = "2025-01-00"; }), false},
      {"one-digit month", with([](Values& v) { v.logged_on = "2025-1-01"; }), false},
      {"trailing space", with([](Values& v) { v.logged_on = "2025-01-01 "; }), false},
      {"slashes", with([](Values& v) { v.logged_on = "2025/01/01"; }), false},
      {"year 0000", with([](Values& v) { v.logged_on = "0000-01-01"; }), true, true},
      {"year 9999", with([](Values& v) { v.logged_on = "9999-12-31"; }), true, true},
      {"the 2025 horizon", with([](Values& v) {
         v.logged_on = "2025-12-31";
         v.recorded_at = "2025-12-31T23:59:59Z";
       }),
       true},
      {"recorded before its day", with([](Values& v) { v.recorded_at = "2024-02-28T23:59:59Z"; }),
       true, true},
      {"midnight", with([](Values& v) { v.recorded_at = "2026-01-01T00:00:00Z"; }), true},
      {"last second", with([](Values& v) { v.recorded_at = "2025-12-31T23:59:59Z"; }), true},
      {"recorded in the future", with([](Values& v) { v.recorded_at = "2026-11-28T10:00:01Z"; }),
       true, true},
      {"hour 24", with([](Values& v) { v.recorded_at = "2026-11-28T24:00:00Z"; }), false},
      {"minute 60", with([](Values& v) { v.recorded_at = "2026-11-28T10:60:00Z"; }), false},
      {"leap second", with([](Values& v) { v.recorded_at = "2026-11-28T23:59:60Z"; }), false},
      {"no Z", with([](Values& v) { v.recorded_at = "2026-11-28T10:00:00+00"; }), false},
      {"space for T", with([](Values& v) { v.recorded_at = "2026-11-28 10:00:00Z"; }), false},
      {"fractions", with([](Values& v) { v.recorded_at = "2026-11-28T10:00:00.5Z"; }), false},
      {"timestamp on a 29th of February",
       with([](Values& v) { v.recorded_at = "2025-02-29T10:00:00Z"; }), false},
      {"percent 0", with([](Values& v) { v.percent = "0"; }), true},
      {"percent 100", with([](Values& v) { v.percent = "100"; }), true, true},
      {"percent 101", with([](Values& v) { v.percent = "101"; }), false},
      {"percent -1", with([](Values& v) { v.percent = "-1"; }), false},
      {"percent past 32 bits", with([](Values& v) { v.percent = "4294967346"; }), false},
      {"each status: at-risk", with([](Values& v) { v.status = "at-risk"; }), true},
      {"each status: delayed", with([](Values& v) { v.status = "delayed"; }), true},
      {"each status: blocked", with([](Values& v) { v.status = "blocked"; }), true},
      {"done at 100", with([](Values& v) {
         v.status = "done";
         v.percent = "100";
       }),
       true},
      {"done below 100", with([](Values& v) { v.status = "done"; }), false},
      {"unknown status", with([](Values& v) { v.status = "finished"; }), false},
      {"status in capitals", with([](Values& v) { v.status = "On-Track"; }), false},
      {"2,000 characters", with([](Values& v) { v.note = std::string(2000, 'x'); }), true},
      {"2,001 characters", with([](Values& v) { v.note = std::string(2001, 'x'); }), false},
      {"2,000 Chinese characters (6,000 bytes)",
       with([](Values& v) { v.note = Repeat("进", 2000); }), true},
      {"2,001 Chinese characters", with([](Values& v) { v.note = Repeat("进", 2001); }), false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const bool importer = ImporterAccepts(c.values);
    const bool schema = SchemaAccepts(c.values);
    CHECK(importer == (c.accepted && !c.write_rule));
    CHECK(schema == c.accepted);
  }
}

TEST_CASE("check parity: the importer is stricter where the schema has no rule",
          "[store][import]") {
  // Control characters are refused by the write path only; what matters is that the importer
  // never accepts a row the schema would refuse.
  Values control;
  control.note = "bell \a";
  CHECK_FALSE(ImporterAccepts(control));
  CHECK(SchemaAccepts(control));
}

TEST_CASE("check parity: dates and timestamps, mutated at random, get the same verdict",
          "[store][import]") {
  // The exact expressions of the CHECKs on progress_log, evaluated by SQLite itself, against
  // the importer's predicates, on valid values with one to three characters changed (a fixed
  // seed: the same cases every run). The one difference found: SQLite's date functions take a
  // year before 0 ("-0019-03-22"), which the importer refuses; that way round is safe.
  Connection connection = MemoryStore();
  SQLite::Statement date_check(connection.db(), "SELECT date(?1, '+0 days') IS ?1");
  SQLite::Statement time_check(connection.db(),
                               "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '+0 seconds') IS ?1");
  std::mt19937 random(20261129);
  const std::string alphabet = "0123456789-:TZ 0123456789";
  auto mutate = [&](std::string text) {
    const int changes = 1 + static_cast<int>(random() % 3);
    for (int i = 0; i < changes; ++i) {
      const size_t at = random() % text.size();
      switch (random() % 4) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, alphabet[random() % alphabet.size()]);
          break;
        default:
          text[at] = alphabet[random() % alphabet.size()];
          break;
      }
      if (text.empty()) text = "0";
    }
    return text;
  };
  auto sqlite_says = [](SQLite::Statement& check, const std::string& text) {
    check.reset();
    check.bind(1, text);
    check.executeStep();
    return check.getColumn(0).getInt() == 1;
  };
  int accepted_dates = 0, accepted_times = 0;
  std::vector<std::string> mismatches;
  for (int i = 0; i < 20000; ++i) {
    const std::string day = fmt::format("{:04}-{:02}-{:02}", 1990 + random() % 60,
                                        1 + random() % 12, 1 + random() % 31);
    const std::string date = random() % 4 == 0 ? day : mutate(day);
    const bool ours = plantrack::domain::ParseIsoDate(date).has_value();
    const bool schema = sqlite_says(date_check, date);
    if (ours != schema && !(!ours && date.front() == '-')) mismatches.push_back(date);
    accepted_dates += ours;

    const std::string stamp =
        fmt::format("{}T{:02}:{:02}:{:02}Z", day, random() % 24, random() % 60, random() % 60);
    const std::string time = random() % 4 == 0 ? stamp : mutate(stamp);
    const bool ours_time = plantrack::domain::IsIsoTimestamp(time);
    const bool schema_time = sqlite_says(time_check, time);
    if (ours_time != schema_time && !(!ours_time && time.front() == '-')) {
      mismatches.push_back(time);
    }
    accepted_times += ours_time;
  }
  INFO("first mismatch: " << (mismatches.empty() ? "" : mismatches.front()));
  CHECK(mismatches.empty());
  // Both kinds of verdict were exercised.
  CHECK(accepted_dates > 2000);
  CHECK(accepted_dates < 18000);
  CHECK(accepted_times > 2000);
  CHECK(accepted_times < 18000);
}
