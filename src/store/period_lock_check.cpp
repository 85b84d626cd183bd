#include "store/period_lock_check.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/signoff_store.h"

namespace plantrack::store {
namespace {

constexpr const char* kStanding = R"sql(
  SELECT a.unit_id, a.period, u.slug, b.slug, a.recorded_at
    FROM approval a JOIN unit u ON u.id = a.unit_id JOIN unit b ON b.id = a.by_unit_id
   WHERE a.event = 'approve' AND (:period IS NULL OR a.period = :period)
     AND a.id = (SELECT max(x.id) FROM approval x
                  WHERE x.unit_id = a.unit_id AND x.period = a.period)
   ORDER BY a.id
)sql";

constexpr const char* kResponsibilities =
    "SELECT action_id, unit_id FROM responsibility ORDER BY action_id, unit_id";

// What undo would take back: (action or unit, date) of each live row the journal row wrote.
constexpr const char* kRecordRows = R"sql(
  SELECT p.action_id, NULL, p.logged_on, 'entry #' || p.id || ' dated' FROM progress_log p
   WHERE p.journal_id = :journal_id
     AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
  UNION ALL
  SELECT NULL, v.unit_id, v.as_of, 'indicator value #' || v.id || ' dated' FROM indicator_value v
   WHERE v.journal_id = :journal_id AND v.unit_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM indicator_value_retraction r WHERE r.indicator_value_id = v.id)
  UNION ALL
  SELECT m.action_id, NULL, e.done_on, m.code || ' done on' FROM milestone_event e
    JOIN milestone m ON m.id = e.milestone_id
   WHERE e.journal_id = :journal_id AND e.done_on IS NOT NULL
)sql";

constexpr const char* kMilestoneDone = "SELECT done_on FROM milestone WHERE code = :code";

const domain::PeriodLock* Find(const domain::PeriodLocks& locks, const LockSubject& subject,
                               const domain::Date& on) {
  if (subject.action_id) return locks.ForAction(*subject.action_id, on);
  if (subject.unit_id) return locks.ForUnit(*subject.unit_id, on);
  return nullptr;
}

}  // namespace

domain::PeriodLocks LoadPeriodLocks(Connection& connection,
                                    const std::optional<domain::Quarter>& only) {
  SQLite::Statement standing_query(connection.db(), kStanding);
  only ? standing_query.bind(":period", domain::FormatQuarter(*only))
       : standing_query.bind(":period");
  std::vector<domain::StandingApproval> standing;
  while (standing_query.executeStep()) {
    auto quarter = domain::ParseQuarter(standing_query.getColumn(1).getString());
    if (!quarter) continue;  // the schema's CHECK holds periods to YYYYQn
    standing.push_back(
        {standing_query.getColumn(0).getInt64(),
         *quarter,
         {standing_query.getColumn(2).getString(), standing_query.getColumn(1).getString(),
          standing_query.getColumn(3).getString(), standing_query.getColumn(4).getString()}});
  }
  // Nothing approved (the common case): no need to read the tree and the responsibilities.
  if (standing.empty()) return {};
  std::vector<domain::Responsibility> responsibilities;
  SQLite::Statement query(connection.db(), kResponsibilities);
  while (query.executeStep()) {
    responsibilities.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt64()});
  }
  return domain::PeriodLocks(LoadUnitLinks(connection), standing, responsibilities);
}

std::optional<domain::PeriodLock> LockCovering(Connection& connection, const LockSubject& subject,
                                               const domain::Date& on) {
  const domain::PeriodLocks locks = LoadPeriodLocks(connection, domain::QuarterOf(on));
  if (const domain::PeriodLock* lock = Find(locks, subject, on)) return *lock;
  return std::nullopt;
}

Status RefuseIfLocked(Connection& connection, const LockSubject& subject, std::string_view what,
                      const std::string& on) {
  auto day = domain::ParseIsoDate(on);
  if (!day) return Status::Ok();  // not a date: refused by the date's own check
  if (auto lock = LockCovering(connection, subject, *day)) {
    return Status::BadData(domain::LockedMessage(what, on, *lock));
  }
  return Status::Ok();
}

Status RefuseIfRecordLocked(Connection& connection, int64_t journal_id) {
  SQLite::Statement query(connection.db(), kRecordRows);
  query.bind(":journal_id", journal_id);
  while (query.executeStep()) {
    const LockSubject subject = query.getColumn(0).isNull()
                                    ? LockSubject::Unit(query.getColumn(1).getInt64())
                                    : LockSubject::Action(query.getColumn(0).getInt64());
    Status locked = RefuseIfLocked(connection, subject, query.getColumn(3).getString(),
                                   query.getColumn(2).getString());
    if (!locked.ok()) return locked;
  }
  return Status::Ok();
}

std::optional<std::string> ImportLocks::Check(const LockSubject& subject, const domain::Date& on,
                                              std::string_view what) {
  if (!locks_) locks_.emplace(LoadPeriodLocks(connection_));
  if (locks_->empty()) return std::nullopt;
  if (const domain::PeriodLock* lock = Find(*locks_, subject, on)) {
    return domain::LockedMessage(what, domain::FormatIsoDate(on), *lock);
  }
  return std::nullopt;
}

std::optional<std::string> ImportLocks::CheckMilestone(const std::string& code, int64_t action_id,
                                                       const std::string& done_on) {
  if (!locks_) locks_.emplace(LoadPeriodLocks(connection_));
  if (locks_->empty()) return std::nullopt;  // nothing approved: no need to read the row
  SQLite::Statement query(connection_.db(), kMilestoneDone);
  query.bind(":code", code);
  std::string stored;
  if (query.executeStep() && !query.getColumn(0).isNull()) stored = query.getColumn(0).getString();
  if (stored == done_on) return std::nullopt;
  for (const std::string& on : {stored, done_on}) {
    auto day = domain::ParseIsoDate(on);
    if (!day) continue;  // empty, or refused by the row's own date check
    if (auto locked = Check(LockSubject::Action(action_id), *day, code + " done_on")) {
      return locked;
    }
  }
  return std::nullopt;
}

}  // namespace plantrack::store
