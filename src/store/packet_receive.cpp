// Receiving a packet: the stream of its lines (structure first, then records), the present /
// applied / conflict decision per record, and the packet's own row (packet_receive.h).

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/identity.h"
#include "store/json_line_reader.h"
#include "store/keys.h"
#include "store/receiver.h"

namespace plantrack::store {
namespace {

constexpr const char* kInsertPacket = R"sql(
  INSERT INTO packet (hash, kind, unit_id, public_key, structure_version, created_at, received_at,
                      header, signature, record_hashes)
  VALUES (:hash, :kind, :unit_id, :public_key, :version, :created_at, :received_at, :header,
          :signature, zeroblob(0))
)sql";
constexpr const char* kSetHashes = "UPDATE packet SET record_hashes = :hashes WHERE id = :id";
constexpr const char* kConflictUids = "SELECT uid FROM conflict";
constexpr const char* kAcknowledge = R"sql(
  INSERT OR IGNORE INTO acknowledged (journal_id, packet_id)
  SELECT id, :packet_id FROM journal WHERE id = :journal_id AND packet_id IS NULL
)sql";
// Why a line ReadFlatLine refused is refused: not JSON at all, or JSON written otherwise than
// JsonLine writes it (a packet whose bytes could be written differently would hash differently
// once stored, and `verify` could no longer check its signature).
std::string WhyNotALine(std::string_view line) {
  const auto json = nlohmann::json::parse(line, nullptr, false);
  return json.is_object() && !json.empty() ? "not written in canonical form" : "not a JSON object";
}

}  // namespace

Receiver::Receiver(Connection& connection, const PacketReader* packet, const ReceivePolicy& policy)
    : connection_(connection),
      packet_(packet),
      policy_(policy),
      batch_(connection),
      journal_(connection.db()),
      presence_(connection.db()),
      reads_(connection),
      locks_(connection) {
  // Conflicts are few (each waits for a person to settle it): held here, they cost a received
  // record no second probe.
  SQLite::Statement conflicts(connection.db(), kConflictUids);
  while (conflicts.executeStep()) conflict_uids_.insert(conflicts.getColumn(0).getString());
  const PlanDates plan = LoadPlanDates(connection);
  today_ = domain::ParseIsoDate(policy.today).value();
  issued_on_ = domain::ParseIsoDate(plan.issued_on).value();
  far_horizon_ = domain::ParseIsoDate(plan.far_horizon).value();
}

Receiver::Receiver(Connection& connection, const ReceivePolicy& policy, int64_t packet_id)
    : Receiver(connection, nullptr, policy) {
  counts_.packet_id = packet_id;
}

Receiver::~Receiver() {
  try {
    connection_.SkipSchemaChecks(false);  // after a refusal, the rows waiting were never written
  } catch (...) {
  }
}

Status Receiver::Refuse(int64_t number, const std::string& why) const {
  if (!packet_) return Status::BadData(fmt::format("line {} of the record: {}", number, why));
  return Status::BadData(
      fmt::format("packet {}:{}: {} (nothing was received)", packet_->path(), number, why));
}

// The packet's row, written before its first record (whose journal row refers to it). A new
// replica learns who signed only from the structure the packet brings, so that comes first.
Status Receiver::EnsurePacketRow() {
  if (counts_.packet_id != 0) return Status::Ok();
  const PacketHeader& header = packet_->header();
  if (policy_.signer.id == 0) {
    auto signer = UnitOfKey(connection_, header.public_key);
    if (!signer || signer->slug != header.unit || !signer->coordinator) {
      return Status::BadData(fmt::format(
          "packet {} is refused: its key {} is not registered in its own plan for a coordinator "
          "named {}",
          packet_->path(), header.public_key, header.unit));
    }
    policy_.signer = *signer;
  }
  SQLite::Statement insert(connection_.db(), kInsertPacket);
  insert.bind(":hash", packet_->hash());
  insert.bind(":kind", header.kind);
  insert.bind(":unit_id", policy_.signer.id);
  insert.bind(":public_key", header.public_key);
  insert.bind(":version", header.structure_version);
  insert.bind(":created_at", header.created_at);
  insert.bind(":received_at", policy_.now_utc);
  insert.bind(":header", packet_->header_line());
  insert.bind(":signature", packet_->signature_hex());
  insert.exec();
  counts_.packet_id = connection_.db().getLastInsertRowid();
  return Status::Ok();
}

Result<ReceiveCounts> Receiver::Run() {
  const PacketHeader& header = packet_->header();
  // What this command wrote before (init's row, an earlier packet's receive row) is sealed
  // first, so the records applied here can be sealed as they pass.
  SealRecords(connection_);
  sealer_.emplace(connection_);
  presence_.ProbeAll(packet_->record_keys());
  if (Status read = packet_->ForEachLine(
          [this](std::string_view line, int64_t number) { return Line(line, number); });
      !read.ok()) {
    return read;
  }
  if (Status ended = EndRecord(); !ended.ok()) return ended;
  if (Status finished = FinishStructure(); !finished.ok()) return finished;
  if (Status packet = EnsurePacketRow(); !packet.ok()) return packet;
  if (Status flushed = FlushEntries(); !flushed.ok()) return flushed;
  sealer_->CloseRun();
  if (records_ != header.records ||
      domain::ToHex(domain::HashOf(hashes_)) != header.records_digest) {
    return Status::BadData(
        fmt::format("packet {} is refused: its records do not match the digest it was signed with",
                    packet_->path()));
  }
  SQLite::Statement hashes(connection_.db(), kSetHashes);
  hashes.bind(":hashes", hashes_.data(), static_cast<int>(hashes_.size()));
  hashes.bind(":id", counts_.packet_id);
  hashes.exec();
  return counts_;
}

Status Receiver::Line(std::string_view line, int64_t number) {
  std::optional<FlatLine> parsed = ReadFlatLine(line);
  if (!parsed) return Refuse(number, WhyNotALine(line));
  FlatLine& json = *parsed;
  const std::string_view first = json.first_key();
  if (first == "s") return Structure(json, number);
  if (Status finished = FinishStructure(); !finished.ok()) return finished;
  if (first == "record") {
    if (Status ended = EndRecord(); !ended.ok()) return ended;
    if (Status packet = EnsurePacketRow(); !packet.ok()) return packet;
    return BeginRecord(line, json, number);
  }
  if (first != "t" || !record_) return Refuse(number, "a row outside any record");
  hasher_.Line(line);
  if (record_->present) return Status::Ok();
  if (Status checked = CheckRow(json, number); !checked.ok()) return checked;
  if (policy_.authoritative) {
    // The master's own records, written as they come (a record of a million rows is never held
    // in memory); only what they refer to must exist.
    if (auto missing = Collision(json, true)) return Refuse(number, *missing);
    if (record_->journal_id == 0) WriteJournal(*record_, &json);
    return WriteRow(*record_, json);
  }
  record_->lines.append(line).append("\n");
  record_->rows.push_back(std::move(json));
  record_->row_numbers.push_back(number);
  return Status::Ok();
}

Status Receiver::ParseHeader(const FlatLine& header, int64_t number, PendingRecord& record) {
  for (const char* field : {"record", "kind", "unit", "recorded_at", "command", "detail"}) {
    if (!header.IsText(field)) return Refuse(number, "a record header without its fields");
  }
  record.uid = header.Text("record");
  record.kind = header.Text("kind");
  record.unit = header.Text("unit");
  record.recorded_at = header.Text("recorded_at");
  record.command = header.Text("command");
  record.detail = header.Text("detail");
  // The journal's CHECKs on these two are not run again when the record is written.
  if (record.uid.size() != 32 || !domain::IsLowerHex(record.uid)) {
    return Refuse(number, fmt::format("record id '{}' is not 32 lowercase hex digits", record.uid));
  }
  if (!domain::IsIsoTimestamp(record.recorded_at)) {
    return Refuse(number, fmt::format("record {} has recorded_at '{}', not YYYY-MM-DDTHH:MM:SSZ",
                                      record.uid, record.recorded_at));
  }
  return Status::Ok();
}

Status Receiver::ApplyStored(std::string_view lines) {
  PendingRecord record;
  int64_t number = 0;
  size_t start = 0;
  std::vector<FlatLine> rows;
  while (start < lines.size()) {
    const size_t end = lines.find('\n', start);
    const std::string_view line = lines.substr(start, end - start);
    start = end == std::string_view::npos ? lines.size() : end + 1;
    // Kept as received, so read as received.
    std::optional<FlatLine> json = ReadFlatLine(line);
    if (!json) return Refuse(number + 1, "not a JSON object");
    if (++number == 1) {
      if (Status parsed = ParseHeader(*json, number, record); !parsed.ok()) return parsed;
      if (!record.unit.empty()) record.writer = Unit(record.unit);
      continue;
    }
    if (auto missing = Collision(*json, true)) return Refuse(number, *missing);
    rows.push_back(std::move(*json));
  }
  if (!record.unit.empty() && !record.writer) {
    return Refuse(1, fmt::format("unit {} is not in this plan", record.unit));
  }
  WriteJournal(record, rows.empty() ? nullptr : &rows.front());
  for (const FlatLine& row : rows) {
    if (Status written = WriteRow(record, row); !written.ok()) return written;
  }
  return FlushEntries();
}

Status Receiver::BeginRecord(std::string_view line, const FlatLine& header, int64_t number) {
  PendingRecord record;
  if (Status parsed = ParseHeader(header, number, record); !parsed.ok()) return parsed;
  record.lines.reserve(2 * line.size());
  record.lines.assign(line).append("\n");
  hasher_ = RecordHasher();
  hasher_.Line(line);
  if (const int64_t held = HeldAt(static_cast<size_t>(records_), record.uid); held != 0) {
    record.present = true;
    ++counts_.present;
    // A replica's own record carried back by the master's publish: acknowledged.
    if (held > 0 && packet_->header().kind == "publish") {
      SQLite::Statement acknowledge(connection_.db(), kAcknowledge);
      acknowledge.bind(":journal_id", held);
      acknowledge.bind(":packet_id", counts_.packet_id);
      counts_.acknowledged += acknowledge.exec();
    }
  } else if (conflict_uids_.count(record.uid)) {
    record.present = true;  // kept as a conflict already
    ++counts_.present;
  } else if (!record.unit.empty()) {
    record.writer = Unit(record.unit);
    if (record.writer && !Vouches(*record.writer)) {
      return Refuse(number, fmt::format("{} may not vouch for a record written by {}",
                                        policy_.signer.slug, record.unit));
    }
  } else if (!policy_.signer.coordinator) {
    return Refuse(number, "only a coordinator may vouch for a record without a unit");
  }
  record_ = std::move(record);
  return Status::Ok();
}

int64_t Receiver::HeldAt(size_t ordinal, const std::string& uid) {
  int64_t held = 0;
  if (presence_.Find(ordinal, uid, &held) != RecordPresence::Answer::kAskTheFile) return held;
  if (journal_.Waiting(uid)) return -1;  // earlier in this packet
  return presence_.Held(uid);
}

Status Receiver::EndRecord() {
  if (!record_) return Status::Ok();
  PendingRecord record = std::move(*record_);
  record_.reset();
  const domain::Hash hash = hasher_.Finish();
  hashes_.append(reinterpret_cast<const char*>(hash.data()), hash.size());
  ++records_;
  if (record.present) return Status::Ok();
  if (policy_.authoritative) {
    if (record.journal_id == 0) WriteJournal(record, nullptr);
    if (sealer_) sealer_->Link(record.journal_id, hash);
    ++counts_.applied;
    return Status::Ok();
  }
  std::optional<std::string> reason;
  if (!record.writer && !record.unit.empty()) {
    reason = fmt::format("unit {} is not in this plan", record.unit);
  }
  for (size_t i = 0; !reason && i < record.rows.size(); ++i) {
    reason = Collision(record.rows[i], false);
  }
  if (reason) {
    if (Status flushed = FlushEntries(); !flushed.ok()) return flushed;
    KeepConflict(record, *reason);
    ++counts_.conflicts;
    return Status::Ok();
  }
  WriteJournal(record, record.rows.empty() ? nullptr : &record.rows.front());
  for (const FlatLine& row : record.rows) {
    if (Status written = WriteRow(record, row); !written.ok()) return written;
  }
  if (sealer_) sealer_->Link(record.journal_id, hash);
  ++counts_.applied;
  return Status::Ok();
}

void UseLargeCache(Connection& connection) { connection.db().exec("PRAGMA cache_size = -65536"); }

Status Receiver::FlushEntries() {
  Status flushed = FlushFullBatch();
  connection_.SkipSchemaChecks(false);
  return flushed;
}

Status Receiver::FlushFullBatch() {
  // Every field of a received record's journal row and entries has been through the rules the
  // CHECKs state (ParseHeader, CheckRow): they are written without SQLite checking them again,
  // which was a fifth of a received entry's cost. Other rows keep the CHECKs.
  connection_.SkipSchemaChecks(true);
  journal_.Flush();
  if (batch_.size() == 0) return Status::Ok();
  auto refusals = batch_.Flush();
  if (refusals.empty()) return Status::Ok();
  return Status::BadData(
      fmt::format("a received entry was refused by the database: {}", refusals.front().message));
}

std::optional<std::string> Receiver::Locked(const LockSubject& subject, const domain::Date& on) {
  // The master's published records are its own state: a lock there was judged there.
  if (policy_.authoritative) return std::nullopt;
  if (auto lock = locks_.Check(subject, on, "dated")) return "a period lock covers it: " + *lock;
  return std::nullopt;
}

bool Receiver::Retracted(bool entry, int64_t id) {
  SQLite::Statement query(connection_.db(),
                          entry ? "SELECT 1 FROM retraction WHERE progress_log_id = :id"
                                : "SELECT 1 FROM indicator_value_retraction "
                                  "WHERE indicator_value_id = :id");
  query.bind(":id", id);
  return query.executeStep();
}

bool PacketReceived(Connection& connection, const std::string& hash) {
  SQLite::Statement query(connection.db(), "SELECT 1 FROM packet WHERE hash = :hash");
  query.bind(":hash", hash);
  return query.executeStep();
}

Result<ReceiveCounts> ReceivePacket(Connection& connection, const PacketReader& packet,
                                    const ReceivePolicy& policy) {
  Receiver receiver(connection, &packet, policy);
  return receiver.Run();
}

}  // namespace plantrack::store
