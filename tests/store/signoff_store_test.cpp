// The approval rows: written only with the command's journal row, so that each belongs to the
// command's record; the latest row of a (unit, quarter) is its state.

#include "store/signoff_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "store/period_lock_check.h"
#include "store/record_codec.h"
#include "test_support.h"

using namespace plantrack;

namespace {

class CountApprovals : public store::RecordVisitor {
 public:
  void Begin(const store::RecordInfo&) override {}
  void Row(store::RowTable table, std::string_view line) override {
    if (table == store::RowTable::kApproval) lines.emplace_back(line);
  }
  void End() override {}
  void Orphan(store::RowTable, int64_t, std::optional<int64_t>) override { ++orphans; }
  std::vector<std::string> lines;
  int orphans = 0;
};

constexpr const char* kTwoUnits = R"sql(
  INSERT INTO unit (id, slug, name_en, kind, parent_id) VALUES (2, 'liling', 'Liling', 'county', 1);
  INSERT INTO responsibility (action_id, unit_id, role) VALUES (1, 2, 'lead');
)sql";

}  // namespace

TEST_CASE("signoff store: approval rows belong to their command's record", "[store][signoff]") {
  auto db = testing::MemoryStore(testing::kOneActionPlan);
  db.db().exec(kTwoUnits);
  CHECK_THROWS_AS(
      store::AppendApproval(db, {2, "2026Q3", "submit", 2, "2026-11-28T10:00:00Z", false, "", 0}),
      std::invalid_argument);
  store::AppendApproval(db, {2, "2026Q3", "submit", 2, "2026-11-28T10:00:00Z", true, "late", 1});
  store::AppendApproval(db, {2, "2026Q3", "approve", 1, "2026-11-28T11:00:00Z", false, "", 1});
  CountApprovals visitor;
  store::WalkRecords(db, {1, INT64_MAX, true}, visitor);
  REQUIRE(visitor.lines.size() == 2);
  CHECK(visitor.lines[0].find("\"event\":\"submit\"") != std::string::npos);
  CHECK(visitor.orphans == 0);

  auto latest = store::LatestApproval(db, 2, "2026Q3");
  REQUIRE(latest);
  CHECK(latest->State() == domain::SignoffState::kApproved);
  CHECK(latest->by == "changsha");
  CHECK(store::LatestApprovals(db, "2026Q2").empty());
  CHECK(store::LatestApprovals(db, std::nullopt, "2026-11-27").empty());

  auto lock =
      store::LockCovering(db, store::LockSubject::Action(1), *domain::ParseIsoDate("2026-08-01"));
  REQUIRE(lock);
  CHECK(lock->unit == "liling");
  CHECK_FALSE(
      store::LockCovering(db, store::LockSubject::Action(1), *domain::ParseIsoDate("2026-10-01")));
  CHECK(store::LockCovering(db, store::LockSubject::Unit(2), *domain::ParseIsoDate("2026-09-30")));
  CHECK_FALSE(
      store::LockCovering(db, store::LockSubject::Unit(1), *domain::ParseIsoDate("2026-09-30")));
}
