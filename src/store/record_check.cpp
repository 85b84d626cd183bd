#include "store/record_check.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "store/packet_check.h"
#include "store/record_codec.h"

namespace plantrack::store {
namespace {

constexpr const char* kSeals =
    "SELECT journal_id, hash, records FROM record_seal ORDER BY journal_id";
constexpr size_t kShortestClaim = 12;  // hex digits, as a report's footer prints them

// Walks the records once, hashing and chaining each, and stops judging at the first break.
class Checker : public RecordVisitor {
 public:
  Checker(Connection& connection, const CheckOptions& options)
      : seals_(connection.db(), kSeals), packets_(connection), options_(options) {
    NextSeal();
  }

  void Begin(const RecordInfo& record) override {
    if (broken()) return;
    DrainSealsBefore(record.journal_id);
    record_ = record;
    hasher_ = RecordHasher();
    hasher_.Line(record.header);
    rows_.fill(0);
  }
  void Row(RowTable table, std::string_view line) override {
    if (broken()) return;
    hasher_.Line(line);
    ++rows_[static_cast<int>(table)];
  }
  void End() override {
    if (broken()) return;
    const domain::Hash record_hash = hasher_.Finish();
    link_ = domain::ChainLink(link_, record_hash);
    ++count_;
    const std::string link = domain::ToHex(link_);
    const bool own_seal = has_seal_ && seal_id_ == record_.journal_id;
    if (!own_seal && has_seal_ && seal_records_ > run_ + 1) {
      // Within a run (schema 0004): the run's seal, further on, checks the link.
      ++run_;
    } else if (!own_seal) {
      BreakAt(record_,
              "it has no seal: the journal row was added behind plantrack's back, or its seal "
              "was removed");
    } else if (seal_ != link) {
      BreakAt(record_, fmt::format("it no longer matches its seal: its journal row or the rows "
                                   "it covers ({}) were changed, added or removed since it was "
                                   "sealed, or the seal itself was changed{}",
                                   CoveredRows(), RunNote()));
    } else if (run_ + 1 != seal_records_) {
      BreakAt(record_, fmt::format("its seal covers a run of {} records ending with it, but {} "
                                   "came since the seal before",
                                   seal_records_, run_ + 1));
    }
    if (!broken() && record_.packet_id) {
      // Checked for every received record, so that an edited one inside a run is named itself.
      if (auto problem = packets_.Check(*record_.packet_id, record_hash)) {
        BreakAt(record_, *problem);
      }
    }
    if (own_seal) {
      run_ = 0;
      NextSeal();
    }
    if (!broken() && options_.claim && count_ == options_.claim->count &&
        link.compare(0, options_.claim->head.size(), options_.claim->head) != 0) {
      BreakAt(record_, fmt::format("it is record {} and the chain up to it ends in {}, not in "
                                   "{} as --head says: the history up to it was rewritten",
                                   count_, link.substr(0, 12), options_.claim->head));
    }
    if (options_.after_record) options_.after_record(record_.journal_id);
  }
  void Orphan(RowTable table, int64_t row_id, std::optional<int64_t> journal_id) override {
    if (broken()) return;
    RecordBreak at;
    at.journal_id = journal_id;
    if (journal_id) {
      DrainSealsBefore(*journal_id);
      if (broken()) return;
      if (has_seal_ && seal_id_ == *journal_id) {
        at.reason = fmt::format("the journal row was removed (its seal and its {} row {} remain)",
                                RowTableName(table), row_id);
      } else if (has_seal_ && seal_records_ > run_ + 1) {
        at.reason = fmt::format(
            "the journal row was removed (the seal of its run and its {} row {} remain)",
            RowTableName(table), row_id);
      } else {
        at.reason = fmt::format(
            "{} row {} names this journal row, which does not exist: the row "
            "was written behind plantrack's back",
            RowTableName(table), row_id);
      }
    } else {
      at.reason = fmt::format(
          "{} row {} belongs to no record (its journal_id is empty): it was "
          "written behind plantrack's back",
          RowTableName(table), row_id);
    }
    first_break_ = std::move(at);
  }

  // After the walk: seals left over, and a claim longer than the record.
  void Finish() {
    DrainSealsBefore(INT64_MAX);
    if (!broken() && options_.claim && options_.claim->count > count_) {
      RecordBreak at;
      at.reason = fmt::format(
          "the file holds {} records but --head names {}: records {} to {} were removed from the "
          "end of the record (or this is another file)",
          count_, options_.claim->count, count_ + 1, options_.claim->count);
      first_break_ = std::move(at);
    }
  }

  RecordCheck Result() const {
    RecordCheck check;
    check.head.count = count_;
    check.head.head = domain::ToHex(link_);
    check.first_break = first_break_;
    return check;
  }

 private:
  bool broken() const { return first_break_.has_value(); }

  void NextSeal() {
    has_seal_ = seals_.executeStep();
    if (has_seal_) {
      seal_id_ = seals_.getColumn(0).getInt64();
      seal_ = seals_.getColumn(1).getString();
      seal_records_ = seals_.getColumn(2).getInt64();
    }
  }

  // Seals of journal rows before `journal_id` that the walk never met: their rows are gone.
  void DrainSealsBefore(int64_t journal_id) {
    if (broken() || !has_seal_ || seal_id_ >= journal_id) return;
    RecordBreak at;
    at.journal_id = seal_id_;
    at.reason = "the journal row was removed (its seal remains)";
    first_break_ = std::move(at);
  }

  void BreakAt(const RecordInfo& record, std::string reason) {
    RecordBreak at;
    at.journal_id = record.journal_id;
    at.uid = record.uid;
    at.kind = record.kind;
    const auto header = nlohmann::json::parse(record.header, nullptr, false);
    if (header.is_object() && header["recorded_at"].is_string()) {
      at.recorded_at = header["recorded_at"].get<std::string>();
    }
    at.reason = std::move(reason);
    first_break_ = std::move(at);
  }

  // A run's seal is checked at its last record, whichever record of the run was changed.
  std::string RunNote() const {
    return seal_records_ > 1
               ? fmt::format(" (its seal covers the run of {} records ending with it)",
                             seal_records_)
               : "";
  }

  std::string CoveredRows() const {
    std::string text;
    for (int t = 0; t < kRowTables; ++t) {
      if (rows_[t] == 0) continue;
      text += fmt::format("{}{} {}", text.empty() ? "" : ", ", rows_[t],
                          RowTableName(static_cast<RowTable>(t)));
    }
    return text.empty() ? "now none" : "now " + text;
  }

  SQLite::Statement seals_;
  bool has_seal_ = false;
  int64_t seal_id_ = 0;
  std::string seal_;
  int64_t seal_records_ = 1;  // records the next seal covers, ending at seal_id_
  int64_t run_ = 0;           // records walked since the last seal met, awaiting theirs
  PacketChecker packets_;
  const CheckOptions& options_;
  RecordInfo record_;
  RecordHasher hasher_;
  std::array<int64_t, kRowTables> rows_{};
  domain::Hash link_{};
  int64_t count_ = 0;
  std::optional<RecordBreak> first_break_;
};

}  // namespace

std::optional<HeadClaim> ParseHeadClaim(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  HeadClaim claim;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9' || claim.count > INT64_MAX / 10 - 9) return std::nullopt;
    claim.count = claim.count * 10 + (c - '0');
  }
  std::string_view head = text.substr(colon + 1);
  for (std::string_view ellipsis : {"…", "..."}) {
    if (head.ends_with(ellipsis)) head.remove_suffix(ellipsis.size());
  }
  for (char c : head) {
    const char lower = c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c;
    if (!((lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f'))) return std::nullopt;
    claim.head += lower;
  }
  if (claim.count == 0 || claim.head.size() < kShortestClaim || claim.head.size() > 64) {
    return std::nullopt;
  }
  return claim;
}

RecordCheck CheckRecords(Connection& connection, const CheckOptions& options) {
  ReadSnapshot snapshot(connection);
  Checker checker(connection, options);
  WalkOptions walk;
  walk.report_orphans = true;
  WalkRecords(connection, walk, checker);
  checker.Finish();
  return checker.Result();
}

std::string DescribeRecord(const RecordBreak& at) {
  if (!at.journal_id) return "a row outside the record";
  if (at.uid.empty()) return fmt::format("journal row {}", *at.journal_id);
  return fmt::format("journal row {} (record {}, {}, recorded {})", *at.journal_id, at.uid, at.kind,
                     at.recorded_at);
}

}  // namespace plantrack::store
