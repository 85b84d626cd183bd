// One received record's rows: the rules each row must keep on its own (the write path's, from
// domain/), what makes it collide with this file, and how it is written (packet_receive.h).

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "domain/entry_rules.h"
#include "store/journal.h"
#include "store/period_lock_check.h"
#include "store/plan_store.h"
#include "store/receiver.h"
#include "store/signoff_store.h"

namespace plantrack::store {
namespace {

constexpr const char* kInsertConflict = R"sql(
  INSERT INTO conflict (packet_id, uid, unit_id, kind, reason, record)
  VALUES (:packet_id, :uid, :unit_id, :kind, :reason, :record)
)sql";
constexpr const char* kMilestoneDone = "SELECT coalesce(done_on, '') FROM milestone WHERE id = :id";
constexpr const char* kOpenConflict = R"sql(
  SELECT c.id FROM conflict c WHERE c.uid = :uid
     AND NOT EXISTS (SELECT 1 FROM conflict_settlement s WHERE s.conflict_id = c.id)
)sql";
constexpr const char* kInsertSettlement = R"sql(
  INSERT INTO conflict_settlement (conflict_id, decision, unit_id, recorded_at, reason, journal_id)
  VALUES (:conflict_id, :decision, :unit_id, :recorded_at, :reason, :journal_id)
)sql";

// A text the store's writers keep as a string of their own (the entries' hot path reads views).
std::string Owned(const FlatLine& row, const char* key) { return std::string(row.Text(key)); }

// The fields each kind of row must have as text (a few more are checked by kind below).
const std::map<std::string, std::vector<const char*>, std::less<>>& TextFields() {
  static const std::map<std::string, std::vector<const char*>, std::less<>> kFields = {
      {"entry", {"action", "unit", "logged_on", "recorded_at", "status", "note", "source"}},
      {"retraction", {"entry", "unit", "recorded_at", "reason"}},
      {"value", {"indicator", "as_of", "note", "source"}},
      {"value-retraction", {"value", "unit", "recorded_at", "reason"}},
      {"milestone", {"milestone", "unit", "recorded_at"}},
      {"approval", {"unit", "period", "event", "by", "recorded_at", "note"}},
      {"settlement", {"conflict", "decision", "unit", "recorded_at", "reason"}},
  };
  return kFields;
}

// The unit that wrote the row (whom the signer must vouch for).
const char* AuthorField(std::string_view tag) { return tag == "approval" ? "by" : "unit"; }

}  // namespace

Status Receiver::CheckRow(const FlatLine& row, int64_t number) {
  const std::string_view tag = row.TextOr("t", "");
  auto fields = TextFields().find(tag);
  if (fields == TextFields().end()) return Refuse(number, fmt::format("unknown row '{}'", tag));
  for (const char* key : fields->second) {
    if (!row.IsText(key)) return Refuse(number, fmt::format("{} row without its {}", tag, key));
  }
  auto date_rule = [&](std::string_view text, const char* field) -> std::optional<std::string> {
    auto on = domain::ParseIsoDate(text);
    if (!on) return fmt::format("{} '{}' is not a valid date", field, text);
    // The master's published records were judged when they were written there (its trusted
    // data set has values from before the plan was issued); an office's are judged here.
    if (policy_.authoritative) return std::nullopt;
    return domain::CheckEntryDate(*on, today_, issued_on_, far_horizon_, field);
  };
  std::optional<std::string> problem;
  if (tag == "entry") {
    const auto percent = row.Integer("percent");
    if (!percent || *percent < 0 || *percent > 100) {
      return Refuse(number, "entry percent is not a whole number from 0 to 100");
    }
    problem = domain::CheckPercentAndStatus(static_cast<int>(*percent), row.Text("status"));
    if (!problem) problem = date_rule(row.Text("logged_on"), "logged_on");
    if (!problem) problem = domain::CheckNote("note", row.Text("note"));
    if (!problem) problem = domain::CheckLine("source", row.Text("source"));
    if (!problem && !policy_.authoritative) {
      problem = domain::CheckRecordedAt(
          row.Text("recorded_at"), *domain::ParseIsoDate(row.Text("logged_on")), policy_.now_utc);
    }
  } else if (tag == "retraction" || tag == "value-retraction") {
    problem = domain::CheckNote("reason", row.Text("reason"));
    if (!problem && !domain::SaysSomething(row.Text("reason"))) {
      problem = "a withdrawal whose reason says nothing";
    }
  } else if (tag == "value") {
    const auto value = row.Number("value");
    if (!value || !std::isfinite(*value)) {
      return Refuse(number, "value is not a finite number");
    }
    if (!row.IsTextOrNull("unit") || !row.IsTextOrNull("recorded_at")) {
      return Refuse(number, "value row without its unit or recorded_at");
    }
    problem = date_rule(row.Text("as_of"), "as_of");
    if (!problem) problem = domain::CheckNote("note", row.Text("note"));
  } else if (tag == "milestone") {
    if (!row.IsTextOrNull("done_on")) return Refuse(number, "milestone row without its done_on");
    if (row.IsText("done_on")) problem = date_rule(row.Text("done_on"), "done_on");
  } else if (tag == "approval") {
    problem = domain::CheckNote("note", row.Text("note"));
  } else if (tag == "settlement") {
    problem = domain::CheckNote("reason", row.Text("reason"));
  }
  if (!problem && row.IsText("recorded_at") && !domain::IsIsoTimestamp(row.Text("recorded_at"))) {
    problem = fmt::format("recorded_at '{}' is not YYYY-MM-DDTHH:MM:SSZ", row.Text("recorded_at"));
  }
  if (problem) return Refuse(number, *problem);
  if (row.IsText(AuthorField(tag))) {
    if (auto unit = Unit(row.Text(AuthorField(tag))); unit && !Vouches(*unit)) {
      return Refuse(number, fmt::format("{} may not vouch for a row written by {}",
                                        policy_.signer.slug, unit->slug));
    }
  }
  return Status::Ok();
}

std::optional<std::string> Receiver::Collision(const FlatLine& row, bool refs_only) {
  const std::string_view tag = row.TextOr("t", "");
  if (tag != "entry") {
    // What follows may read the log: the entries waiting in the batch must be there. An entry's
    // checks read no log rows: its action's series is in timelines_, loaded before its first
    // entry is written and kept as entries are added, so the batch stays a batch.
    if (Status flushed = FlushEntries(); !flushed.ok()) return flushed.message();
  }
  auto unit_of = [&](const char* key) -> std::optional<std::string> {
    if (!row.IsText(key) || Unit(row.Text(key))) return std::nullopt;
    return fmt::format("unit {} is not in this plan", row.Text(key));
  };
  if (auto missing = unit_of(AuthorField(tag))) return missing;
  if (tag == "entry") {
    auto action = Code("action", row.Text("action"));
    if (!action) return fmt::format("action {} is not in this plan", row.Text("action"));
    if (refs_only) return std::nullopt;
    const UnitRef unit = *Unit(row.Text("unit"));
    auto [responsible, fresh] = responsible_.try_emplace({unit.id, *action});
    if (fresh) responsible->second = IsResponsible(connection_, unit.id, *action);
    if (!unit.coordinator && !responsible->second) {
      return fmt::format("{} is no longer responsible for {}", unit.slug, row.Text("action"));
    }
    const domain::Date on = *domain::ParseIsoDate(row.Text("logged_on"));
    if (auto locked = Locked(LockSubject::Action(*action), on)) return locked;
    auto [start, unread] = start_on_.try_emplace(*action);
    if (unread) start->second = reads_.StartOn(*action);
    if (auto early = domain::CheckEntryStart(row.Text("action"), on, start->second)) {
      return early;
    }
    auto [timeline, unknown] = timelines_.try_emplace(*action);
    if (unknown) timeline->second = reads_.Timeline(*action);
    return domain::CheckTimeOrder(
        {row.Text("action"), on, static_cast<int>(*row.Integer("percent")), row.Text("status"),
         row.Text("note")},
        domain::NeighboursAt(timeline->second, on));
  }
  if (tag == "retraction" || tag == "value-retraction") {
    const bool entry = tag == "retraction";
    const std::string_view reference = row.Text(entry ? "entry" : "value");
    auto target = RowOfRecord(entry ? "progress_log" : "indicator_value", reference);
    if (!target) {
      return fmt::format("it withdraws {} {}, which this file does not hold",
                         entry ? "entry" : "value", reference);
    }
    if (!refs_only && Retracted(entry, *target)) {
      return fmt::format("{} {} is withdrawn already", entry ? "entry" : "value", reference);
    }
    return std::nullopt;
  }
  if (tag == "value") {
    if (!Code("indicator", row.Text("indicator"))) {
      return fmt::format("indicator {} is not in this plan", row.Text("indicator"));
    }
    if (auto missing = unit_of("unit")) return missing;
    if (refs_only || !row.IsText("unit")) return std::nullopt;
    return Locked(LockSubject::Unit(Unit(row.Text("unit"))->id),
                  *domain::ParseIsoDate(row.Text("as_of")));
  }
  if (tag == "milestone") {
    auto milestone = Code("milestone", row.Text("milestone"));
    if (!milestone) return fmt::format("milestone {} is not in this plan", row.Text("milestone"));
    if (refs_only || !row.IsText("done_on")) return std::nullopt;
    const int64_t action = FindMilestone(connection_, Owned(row, "milestone"))->action_id;
    if (auto locked =
            Locked(LockSubject::Action(action), *domain::ParseIsoDate(row.Text("done_on")))) {
      return locked;
    }
    SQLite::Statement done(connection_.db(), kMilestoneDone);
    done.bind(":id", *milestone);
    done.executeStep();
    if (const std::string on = done.getColumn(0).getString(); !on.empty()) {
      return fmt::format("{} is done already (on {})", row.Text("milestone"), on);
    }
    return std::nullopt;
  }
  if (tag == "approval") return unit_of("unit");
  // The master's settlements are written as they come (WriteRow): the conflict they settle was
  // kept on the master, and a replica holds it only in that settlement.
  if (tag == "settlement" && !refs_only) {
    SQLite::Statement open(connection_.db(), kOpenConflict);
    open.bind(":uid", Owned(row, "conflict"));
    if (!open.executeStep())
      return fmt::format("conflict {} is not open here", row.Text("conflict"));
  }
  return std::nullopt;
}

void Receiver::WriteJournal(PendingRecord& record, const FlatLine* first) {
  JournalEntry entry;
  if (record.writer) entry.unit_id = record.writer->id;
  // Moved: past its journal row a record is known by its journal id alone.
  entry.recorded_at = std::move(record.recorded_at);
  entry.command = std::move(record.command);
  entry.detail = std::move(record.detail);
  entry.kind = std::move(record.kind);
  entry.uid = std::move(record.uid);
  entry.packet_id = counts_.packet_id;
  if (first && first->IsText("action")) entry.action_id = Code("action", first->Text("action"));
  if (first && first->IsText("milestone")) {
    entry.subject_id = Code("milestone", first->Text("milestone"));
  }
  record.journal_id = journal_.Add(std::move(entry));
}

Status Receiver::WriteRow(const PendingRecord& record, const FlatLine& row) {
  const std::string_view tag = row.TextOr("t", "");
  auto unit_id = [&](const char* key) { return Unit(row.Text(key))->id; };
  if (tag == "entry") {
    const int64_t action = *Code("action", row.Text("action"));
    // The action's series, if loaded, keeps this entry in its place for the next check.
    if (auto timeline = timelines_.find(action); timeline != timelines_.end()) {
      const domain::Date on = *domain::ParseIsoDate(row.Text("logged_on"));
      auto& entries = timeline->second;
      const auto at = static_cast<std::ptrdiff_t>(domain::InsertionPoint(entries, on));
      const auto status = domain::ParseStatus(row.Text("status"));
      entries.insert(entries.begin() + at, {on, static_cast<int>(*row.Integer("percent")),
                                            status.value_or(domain::EntryStatus::kOnTrack),
                                            domain::SaysSomething(row.Text("note"))});
    }
    if (batch_.full()) {
      if (Status flushed = FlushFullBatch(); !flushed.ok()) return flushed;
    }
    NewProgress& entry = batch_.Next();
    entry.action_id = action;
    entry.unit_id = unit_id("unit");
    entry.logged_on = row.Text("logged_on");
    entry.recorded_at = row.Text("recorded_at");
    entry.percent = static_cast<int>(*row.Integer("percent"));
    entry.status = row.Text("status");
    entry.note = row.Text("note");
    entry.source = row.Text("source");
    entry.journal_id = record.journal_id;
    return Status::Ok();
  }
  if (Status flushed = FlushEntries(); !flushed.ok()) return flushed;
  if (tag == "retraction" || tag == "value-retraction") {
    // Withdrawn already (by the master while this replica withdrew it too): it stays withdrawn,
    // and the second withdrawal adds nothing.
    const bool entry = tag == "retraction";
    const int64_t target = *RowOfRecord(entry ? "progress_log" : "indicator_value",
                                        row.Text(entry ? "entry" : "value"));
    if (Retracted(entry, target)) return Status::Ok();
    if (entry) {
      InsertRetraction(connection_, target, unit_id("unit"), Owned(row, "recorded_at"),
                       Owned(row, "reason"), record.journal_id);
    } else {
      RetractValue(connection_, target, unit_id("unit"), Owned(row, "recorded_at"),
                   Owned(row, "reason"), record.journal_id);
    }
  } else if (tag == "value") {
    NewIndicatorValue value;
    value.indicator_id = *Code("indicator", row.Text("indicator"));
    if (row.IsText("unit")) value.unit_id = unit_id("unit");
    value.as_of = row.Text("as_of");
    if (row.IsText("recorded_at")) value.recorded_at = row.Text("recorded_at");
    value.note = row.Text("note");
    value.source = row.Text("source");
    value.value = *row.Number("value");
    value.journal_id = record.journal_id;
    if (!values_) values_.emplace(connection_);
    values_->Insert(value);
  } else if (tag == "milestone") {
    const auto done_on =
        row.IsText("done_on") ? std::optional(Owned(row, "done_on")) : std::nullopt;
    SetMilestone(connection_, *Code("milestone", row.Text("milestone")), done_on,
                 {unit_id("unit"), Owned(row, "recorded_at"), record.journal_id});
  } else if (tag == "approval") {
    AppendApproval(connection_,
                   {unit_id("unit"), Owned(row, "period"), Owned(row, "event"), unit_id("by"),
                    Owned(row, "recorded_at"), row.Integer("partial").value_or(0) != 0,
                    Owned(row, "note"), record.journal_id});
  } else if (tag == "settlement") {
    SQLite::Statement open(connection_.db(), kOpenConflict);
    open.bind(":uid", Owned(row, "conflict"));
    const int64_t conflict_id =
        open.executeStep() ? open.getColumn(0).getInt64() : KeepSettledElsewhere(row);
    SQLite::Statement insert(connection_.db(), kInsertSettlement);
    insert.bind(":conflict_id", conflict_id);
    insert.bind(":decision", Owned(row, "decision"));
    insert.bind(":unit_id", unit_id("unit"));
    insert.bind(":recorded_at", Owned(row, "recorded_at"));
    insert.bind(":reason", Owned(row, "reason"));
    insert.bind(":journal_id", record.journal_id);
    insert.exec();
  }
  return Status::Ok();
}

void Receiver::KeepConflict(const PendingRecord& record, const std::string& reason) {
  SQLite::Statement insert(connection_.db(), kInsertConflict);
  insert.bind(":packet_id", counts_.packet_id);
  insert.bind(":uid", record.uid);
  record.writer ? insert.bind(":unit_id", record.writer->id) : insert.bind(":unit_id");
  insert.bind(":kind", record.kind);
  insert.bind(":reason", reason);
  insert.bind(":record", record.lines);
  insert.exec();
  conflict_uids_.insert(record.uid);
}

int64_t Receiver::KeepSettledElsewhere(const FlatLine& settlement) {
  // A replica receiving the master's settlement of a conflict kept on the master (the record a
  // replica sent, or another office's): the settlement needs its conflict, so the conflict is
  // kept here by its id alone, with the settlement following it. Not added to conflict_uids_:
  // an accepted record comes in the same packet as a record of its own and must be applied.
  SQLite::Statement insert(connection_.db(), kInsertConflict);
  insert.bind(":packet_id", counts_.packet_id);
  insert.bind(":uid", Owned(settlement, "conflict"));
  insert.bind(":unit_id");
  insert.bind(":kind", "settled-on-master");
  insert.bind(":reason", fmt::format("kept and settled by {}", policy_.signer.slug));
  insert.bind(":record", "");
  insert.exec();
  return connection_.db().getLastInsertRowid();
}

std::optional<UnitRef> Receiver::Unit(std::string_view slug) {
  auto it = units_.find(slug);
  if (it == units_.end()) {
    const std::string owned(slug);
    it = units_.emplace(owned, FindUnit(connection_, owned)).first;
  }
  return it->second;
}

std::optional<int64_t> Receiver::Code(const char* table, std::string_view code) {
  std::string key(table);
  key.append(1, '\n').append(code);
  auto [it, fresh] = codes_.try_emplace(std::move(key));
  if (fresh) {
    // `table` is one of our own constants, never input.
    SQLite::Statement query(connection_.db(),
                            fmt::format("SELECT id FROM {} WHERE code = :code", table));
    query.bind(":code", std::string(code));
    if (query.executeStep()) it->second = query.getColumn(0).getInt64();
  }
  return it->second;
}

std::optional<int64_t> Receiver::RowOfRecord(const char* table, std::string_view reference) {
  const size_t slash = reference.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string uid(reference.substr(0, slash));
  int64_t n = 0;
  std::from_chars(reference.data() + slash + 1, reference.data() + reference.size(), n);
  if (n < 1) return std::nullopt;
  SQLite::Statement query(connection_.db(),
                          fmt::format("SELECT r.id FROM {} r JOIN journal j ON j.id = r.journal_id "
                                      "WHERE j.uid = :uid ORDER BY r.id LIMIT 1 OFFSET :skip",
                                      table));
  query.bind(":uid", uid);
  query.bind(":skip", static_cast<int64_t>(n - 1));
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

bool Receiver::Vouches(const UnitRef& unit) {
  if (policy_.signer.coordinator) return true;
  auto [it, fresh] = vouched_.try_emplace(unit.id);
  if (fresh) it->second = IsWithin(connection_, unit.id, policy_.signer.id);
  return it->second;
}

}  // namespace plantrack::store
