#include "store/signoff_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>
#include <stdexcept>

#include "domain/reporting.h"

namespace plantrack::store {
namespace {

constexpr const char* kInsertApproval = R"sql(
  INSERT INTO approval (unit_id, period, event, by_unit_id, recorded_at, partial, note, journal_id)
  VALUES (:unit_id, :period, :event, :by_unit_id, :recorded_at, :partial, :note, :journal_id)
)sql";

// The latest row per (unit, period) is the one with the highest id (append-only table).
constexpr const char* kLatestApprovals = R"sql(
  SELECT a.unit_id, u.slug, a.period, a.event, a.by_unit_id, b.slug, a.recorded_at, a.partial,
         a.note
    FROM approval a JOIN unit u ON u.id = a.unit_id JOIN unit b ON b.id = a.by_unit_id
   WHERE a.id = (SELECT max(x.id) FROM approval x
                  WHERE x.unit_id = a.unit_id AND x.period = a.period
                    AND (:as_of IS NULL OR substr(x.recorded_at, 1, 10) <= :as_of))
     AND (:period IS NULL OR a.period = :period)
     AND (:unit_id IS NULL OR a.unit_id = :unit_id)
   ORDER BY a.period, u.slug
)sql";

constexpr const char* kUnitLinks = "SELECT id, slug, parent_id, coordinator FROM unit";

// The lead actions; what their entries say comes from LeadFacts.
constexpr const char* kLeadActions = R"sql(
  SELECT r.unit_id, a.id, a.code, a.start_on
    FROM responsibility r JOIN action a ON a.id = r.action_id
   WHERE r.role = 'lead'
   ORDER BY r.unit_id, a.code
)sql";

std::vector<ApprovalEvent> QueryApprovals(Connection& connection,
                                          const std::optional<std::string>& period,
                                          std::optional<int64_t> unit_id,
                                          const std::optional<std::string>& as_of) {
  SQLite::Statement query(connection.db(), kLatestApprovals);
  period ? query.bind(":period", *period) : query.bind(":period");
  as_of ? query.bind(":as_of", *as_of) : query.bind(":as_of");
  unit_id ? query.bind(":unit_id", *unit_id) : query.bind(":unit_id");
  std::vector<ApprovalEvent> events;
  while (query.executeStep()) {
    events.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                      query.getColumn(2).getString(), query.getColumn(3).getString(),
                      query.getColumn(4).getInt64(), query.getColumn(5).getString(),
                      query.getColumn(6).getString(), query.getColumn(7).getInt() != 0,
                      query.getColumn(8).getString()});
  }
  return events;
}

domain::Date StoredDay(const std::string& text) {
  // The schema's CHECKs hold dates to YYYY-MM-DD; a day written around them counts as the epoch.
  return domain::ParseIsoDate(text).value_or(domain::Date{});
}

}  // namespace

int64_t AppendApproval(Connection& connection, const NewApproval& approval) {
  if (approval.journal_id <= 0) {
    throw std::invalid_argument("an approval row needs the journal row of its command");
  }
  SQLite::Statement insert(connection.db(), kInsertApproval);
  insert.bind(":unit_id", approval.unit_id);
  insert.bind(":period", approval.period);
  insert.bind(":event", approval.event);
  insert.bind(":by_unit_id", approval.by_unit_id);
  insert.bind(":recorded_at", approval.recorded_at);
  insert.bind(":partial", approval.partial ? 1 : 0);
  insert.bind(":note", approval.note);
  insert.bind(":journal_id", approval.journal_id);
  insert.exec();
  return connection.db().getLastInsertRowid();
}

domain::SignoffState ApprovalEvent::State() const {
  return domain::StateAfter(event).value_or(domain::SignoffState::kNotSubmitted);
}

std::vector<ApprovalEvent> LatestApprovals(Connection& connection,
                                           const std::optional<std::string>& period,
                                           const std::optional<std::string>& as_of) {
  return QueryApprovals(connection, period, std::nullopt, as_of);
}

std::optional<ApprovalEvent> LatestApproval(Connection& connection, int64_t unit_id,
                                            const std::string& period) {
  auto events = QueryApprovals(connection, period, unit_id, std::nullopt);
  if (events.empty()) return std::nullopt;
  return events.front();
}

domain::UnitLinks LoadUnitLinks(Connection& connection) {
  SQLite::Statement query(connection.db(), kUnitLinks);
  domain::UnitLinks links;
  while (query.executeStep()) {
    domain::UnitLinks::Node node{query.getColumn(1).getString(), std::nullopt,
                                 query.getColumn(3).getInt() != 0};
    if (!query.getColumn(2).isNull()) node.parent = query.getColumn(2).getInt64();
    links.Add(query.getColumn(0).getInt64(), std::move(node));
  }
  return links;
}

std::vector<LeadRow> LeadsIn(Connection& connection, const domain::Quarter& quarter) {
  // The same pass the HTML report shares (live_entries.h), so the done date and "reported in
  // the quarter" have one definition; a full scan costs about what 20,000 probes did.
  LeadFacts facts(quarter);
  ScanLiveEntries(connection, {&facts});
  return LeadsIn(connection, facts);
}

LeadFacts::LeadFacts(const domain::Quarter& quarter)
    : quarter_(quarter),
      first_(DayNumber(domain::FormatIsoDate(domain::FirstDay(quarter)).c_str())),
      last_(DayNumber(domain::FormatIsoDate(domain::LastDay(quarter)).c_str())) {}

void LeadFacts::Add(const LiveEntry& entry) {
  const bool done = entry.percent == 100;
  const bool reported = entry.day >= first_ && entry.day <= last_;
  if (!done && !reported) return;
  Facts& facts = facts_[entry.action_id];
  if (done && (facts.done_on == 0 || entry.day < facts.done_on)) facts.done_on = entry.day;
  facts.reported = facts.reported || reported;
}

std::unique_ptr<EntrySink> LeadFacts::Shard() const {
  return std::make_unique<LeadFacts>(quarter_);
}

void LeadFacts::Merge(EntrySink& sink) {
  for (const auto& [action, theirs] : static_cast<const LeadFacts&>(sink).facts_) {
    Facts& facts = facts_[action];
    if (theirs.done_on != 0 && (facts.done_on == 0 || theirs.done_on < facts.done_on)) {
      facts.done_on = theirs.done_on;
    }
    facts.reported = facts.reported || theirs.reported;
  }
}

std::vector<LeadRow> LeadsIn(Connection& connection, const LeadFacts& facts) {
  SQLite::Statement query(connection.db(), kLeadActions);
  std::vector<LeadRow> rows;
  while (query.executeStep()) {
    auto found = facts.facts_.find(query.getColumn(1).getInt64());
    LeadRow row{query.getColumn(0).getInt64(),
                {query.getColumn(2).getString(), StoredDay(query.getColumn(3).getString()),
                 std::nullopt, found != facts.facts_.end() && found->second.reported}};
    if (found != facts.facts_.end() && found->second.done_on != 0) {
      row.report.done_on = StoredDay(DayText(found->second.done_on));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<int64_t> LeadingUnits(const std::vector<LeadRow>& leads,
                                  const domain::Quarter& quarter) {
  std::set<int64_t> units;
  for (const LeadRow& lead : leads) {
    if (domain::ExpectedIn(quarter, lead.report.start_on, lead.report.done_on)) {
      units.insert(lead.unit_id);
    }
  }
  return {units.begin(), units.end()};
}

}  // namespace plantrack::store
