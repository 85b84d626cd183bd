// The import's record is sealed as its entries are inserted (store/import_seal.h): the seal must
// be the one the read-back walk of SealRecords would have written, or `verify` would disagree.

#include "store/import_seal.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "store/chain.h"
#include "store/plan_import.h"
#include "store/record_check.h"
#include "test_support.h"

using namespace plantrack;
using store::ImportRow;
using store::RowKind;

namespace {

// The record's hash as the walk encodes it (what SealRecords hashes).
class WalkHash : public store::RecordVisitor {
 public:
  domain::Hash hash{};
  void Begin(const store::RecordInfo& record) override { hasher_.Line(record.header); }
  void Row(store::RowTable, std::string_view line) override { hasher_.Line(line); }
  void End() override { hash = hasher_.Finish(); }
  void Orphan(store::RowTable, int64_t, std::optional<int64_t>) override {}

 private:
  store::RecordHasher hasher_;
};

std::string SealOf(store::Connection& connection, int64_t journal_id) {
  SQLite::Statement query(connection.db(), "SELECT hash FROM record_seal WHERE journal_id = ?");
  query.bind(1, journal_id);
  return query.executeStep() ? query.getColumn(0).getString() : "";
}

// The seal SealRecords would give the record: its walked hash linked to the seal before it.
std::string WalkedSeal(store::Connection& connection, int64_t journal_id) {
  WalkHash walk;
  store::WalkOptions options;
  options.from_journal_id = options.to_journal_id = journal_id;
  store::WalkRecords(connection, options, walk);
  const domain::Hash previous = domain::HashFromHex(SealOf(connection, journal_id - 1)).value();
  return domain::ToHex(domain::ChainLink(previous, walk.hash));
}

// Adds line `line` of progress.csv: action, unit, logged_on, recorded_at, percent, status, note,
// source.
void AddEntry(store::Importer& importer, int line, std::vector<std::string> fields) {
  importer.Add(RowKind::kProgress, ImportRow{"progress.csv", line, std::move(fields)});
}

}  // namespace

TEST_CASE("import seal: entries hashed as inserted give the walk's seal, and the file verifies",
          "[store][chain][import]") {
  testing::CztFile file;
  auto opened = store::Connection::Open(file.db);
  REQUIRE(opened.ok());
  store::Connection& connection = *opened;
  std::string by_import, by_walk;
  int64_t id = 0;
  REQUIRE(connection
              .WriteTransaction([&] {
                store::JournalEntry journal;
                journal.recorded_at = "2026-11-28T10:00:00Z";
                journal.command = "plantrack import values.csv progress.csv";
                journal.detail = "values.csv progress.csv";
                journal.kind = "import";
                id = connection.AppendJournal(journal);
                store::Importer importer(connection,
                                         {std::nullopt, "2026-11-28T10:00:00Z", "2026-11-28", id});
                // A value is written before the entries but encoded after them.
                importer.Add(RowKind::kIndicatorValues, ImportRow{"values.csv",
                                                                  2,
                                                                  {"mfg-va-share", "2026-06-30",
                                                                   "33.1", "hunan-miit", "test"}});
                // The action as typed (its stored code is T1.03) and a note the encoding
                // escapes; then a recorded_at left to the import's clock.
                AddEntry(importer, 2,
                         {"t1.03", "xiangjiang-new-area", "2026-11-20", "2026-11-21T08:00:00Z",
                          "60", "at-risk", "说 \"late\"\n\ttab \\ 完", "x"});
                AddEntry(importer, 3,
                         {"T1.04", "changsha", "2026-11-25", "", "92", "on-track", "", ""});
                importer.Finish();
                REQUIRE(importer.error_count() == 0);
                by_import = SealOf(connection, id);  // before the commit's SealRecords
                by_walk = WalkedSeal(connection, id);
                return Status::Ok();
              })
              .ok());
  CHECK(!by_import.empty());
  CHECK(by_import == by_walk);
  CHECK(store::CheckRecords(connection).ok());
  CHECK(file.Run({"verify"}).code == 0);
}

TEST_CASE(
    "import seal: a refused import is not sealed by the importer, and the commit seals "
    "what was written",
    "[store][chain][import]") {
  store::Connection connection = testing::MemoryStore(testing::kOneActionPlan);
  REQUIRE(connection
              .WriteTransaction([&] {
                store::Importer importer(connection,
                                         {std::nullopt, "2026-11-28T10:00:00Z", "2026-11-28", 1});
                AddEntry(importer, 2,
                         {"T1.01", "changsha", "2026-01-05", "", "20", "on-track", "", ""});
                AddEntry(importer, 3,  // not a date: refused
                         {"T1.01", "changsha", "2026-13-01", "", "30", "on-track", "", ""});
                importer.Finish();
                CHECK(importer.error_count() == 1);
                CHECK(SealOf(connection, 1).empty());
                return Status::Ok();  // kept here (a command would roll back) to see the commit
              })
              .ok());
  // The commit's SealRecords sealed the record from what was written: the chain holds.
  CHECK(!SealOf(connection, 1).empty());
  CHECK(store::CheckRecords(connection).ok());
}
