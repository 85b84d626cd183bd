#include "store/chain.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/record_codec.h"

namespace plantrack::store {
namespace {

constexpr const char* kLastSeal =
    "SELECT journal_id, hash FROM record_seal ORDER BY journal_id DESC LIMIT 1";
constexpr const char* kInsertSeal =
    "INSERT INTO record_seal (journal_id, hash, records) VALUES (:journal_id, :hash, :records)";
// Each seal counts once, and a run's seal (schema 0004) its other records too.
constexpr const char* kCount = R"sql(
  SELECT (SELECT count(*) FROM record_seal)
       + coalesce((SELECT sum(records - 1) FROM record_seal WHERE records > 1), 0)
)sql";

// Hashes each record as the walk passes and appends its seal.
class Sealer : public RecordVisitor {
 public:
  explicit Sealer(ChainSealer& chain) : chain_(chain) {}

  void Begin(const RecordInfo& record) override {
    journal_id_ = record.journal_id;
    hasher_ = RecordHasher();
    hasher_.Line(record.header);
  }
  void Row(RowTable, std::string_view line) override { hasher_.Line(line); }
  void End() override { chain_.Seal(journal_id_, hasher_.Finish()); }
  void Orphan(RowTable, int64_t, std::optional<int64_t>) override {}

 private:
  ChainSealer& chain_;
  RecordHasher hasher_;
  int64_t journal_id_ = 0;
};

}  // namespace

ChainSealer::ChainSealer(Connection& connection)
    : insert_(std::make_unique<SQLite::Statement>(connection.db(), kInsertSeal)) {
  SQLite::Statement query(connection.db(), kLastSeal);
  if (query.executeStep()) {
    last_ = query.getColumn(0).getInt64();
    previous_ = domain::HashFromHex(query.getColumn(1).getString()).value_or(domain::Hash{});
  }
}

ChainSealer::~ChainSealer() = default;

void ChainSealer::Seal(int64_t journal_id, const domain::Hash& record_hash) {
  CloseRun();
  Link(journal_id, record_hash);
  CloseRun();
}

void ChainSealer::Link(int64_t journal_id, const domain::Hash& record_hash) {
  previous_ = domain::ChainLink(previous_, record_hash);
  last_ = journal_id;
  ++open_run_;
}

void ChainSealer::CloseRun() {
  if (open_run_ == 0) return;
  insert_->reset();
  insert_->bind(":journal_id", last_);
  insert_->bind(":hash", domain::ToHex(previous_));
  insert_->bind(":records", open_run_);
  insert_->exec();
  open_run_ = 0;
}

void SealRecords(Connection& connection) {
  ChainSealer chain(connection);
  Sealer sealer(chain);
  WalkOptions options;
  options.from_journal_id = chain.last_journal_id() + 1;
  WalkRecords(connection, options, sealer);
}

RecordHead HeadOf(Connection& connection) {
  RecordHead head;
  head.count = connection.db().execAndGet(kCount).getInt64();
  SQLite::Statement query(connection.db(), kLastSeal);
  head.head = query.executeStep() ? query.getColumn(1).getString() : std::string(64, '0');
  return head;
}

}  // namespace plantrack::store
