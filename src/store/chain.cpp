#include "store/chain.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/record_codec.h"

namespace plantrack::store {
namespace {

constexpr const char* kLastSeal =
    "SELECT journal_id, hash FROM record_seal ORDER BY journal_id DESC LIMIT 1";
constexpr const char* kInsertSeal =
    "INSERT INTO record_seal (journal_id, hash) VALUES (:journal_id, :hash)";
constexpr const char* kCount = "SELECT count(*) FROM record_seal";

// Hashes each record as the walk passes and appends its seal.
class Sealer : public RecordVisitor {
 public:
  Sealer(Connection& connection, const domain::Hash& previous)
      : insert_(connection.db(), kInsertSeal), previous_(previous) {}

  void Begin(const RecordInfo& record) override {
    journal_id_ = record.journal_id;
    hasher_ = RecordHasher();
    hasher_.Line(record.header);
  }
  void Row(RowTable, std::string_view line) override { hasher_.Line(line); }
  void End() override {
    previous_ = domain::ChainLink(previous_, hasher_.Finish());
    insert_.reset();
    insert_.bind(":journal_id", journal_id_);
    insert_.bind(":hash", domain::ToHex(previous_));
    insert_.exec();
  }
  void Orphan(RowTable, int64_t, std::optional<int64_t>) override {}

 private:
  SQLite::Statement insert_;
  domain::Hash previous_;
  RecordHasher hasher_;
  int64_t journal_id_ = 0;
};

}  // namespace

void SealRecords(Connection& connection) {
  int64_t last = 0;
  domain::Hash previous{};
  {
    SQLite::Statement query(connection.db(), kLastSeal);
    if (query.executeStep()) {
      last = query.getColumn(0).getInt64();
      previous = domain::HashFromHex(query.getColumn(1).getString()).value_or(domain::Hash{});
    }
  }
  Sealer sealer(connection, previous);
  WalkOptions options;
  options.from_journal_id = last + 1;
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
