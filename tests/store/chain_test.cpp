// The record's check in the store: the chain recomputed, a concurrent writer during a check,
// and the signatures of received records (a packet row built here with the signing functions,
// as the packet code will build it).

#include "store/chain.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <map>

#include "domain/digest.h"
#include "store/record_check.h"
#include "store/record_codec.h"
#include "test_support.h"

using namespace plantrack;

namespace {

// The hash of each record, by journal id, as the codec encodes it.
class Hashes : public store::RecordVisitor {
 public:
  std::map<int64_t, domain::Hash> by_journal;
  void Begin(const store::RecordInfo& record) override {
    id_ = record.journal_id;
    hasher_ = store::RecordHasher();
    hasher_.Line(record.header);
  }
  void Row(store::RowTable, std::string_view line) override { hasher_.Line(line); }
  void End() override { by_journal[id_] = hasher_.Finish(); }
  void Orphan(store::RowTable, int64_t, std::optional<int64_t>) override {}

 private:
  int64_t id_ = 0;
  store::RecordHasher hasher_;
};

void Seal(store::Connection& connection) {
  REQUIRE(connection.WriteTransaction([] { return Status::Ok(); }).ok());
}

// Journal row 1 and an entry of it; journal row 2, received in packet 1, and its entry.
constexpr const char* kReceived = R"sql(
  INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status,
                            journal_id)
    VALUES (1, 1, '2025-06-30', '2025-07-01T08:00:00Z', 40, 'on-track', 1);
  INSERT INTO packet (id, hash, kind, unit_id, public_key, created_at, received_at, header,
                      signature, record_hashes)
    VALUES (1, 'p1', 'send', 1, '', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '', '', x'');
  INSERT INTO journal (id, unit_id, recorded_at, command, kind, uid, packet_id)
    VALUES (2, 1, '2026-01-04T00:00:00Z', 'receive', 'log', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1);
  INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status,
                            journal_id)
    VALUES (1, 1, '2025-09-30', '2025-10-01T08:00:00Z', 55, 'on-track', 2);
)sql";

// Signs packet 1 over `hashes` (the packet's records, in order) the way a sender does.
void SignPacket(store::Connection& connection, const std::string& hashes,
                const domain::KeyPair& keys) {
  const std::string header = R"({"format":1,"kind":"send","records_digest":")" +
                             domain::ToHex(domain::HashOf(hashes)) + R"("})";
  SQLite::Statement update(connection.db(),
                           "UPDATE packet SET header = :header, signature = :signature, "
                           "public_key = :key, record_hashes = :hashes WHERE id = 1");
  update.bind(":header", header);
  update.bind(":signature", domain::ToHex(domain::Sign(header, keys.secret_key)));
  update.bind(":key", domain::ToHex(keys.public_key));
  update.bind(":hashes", hashes.data(), static_cast<int>(hashes.size()));
  update.exec();
}

std::string AsBytes(const domain::Hash& hash) {
  return std::string(reinterpret_cast<const char*>(hash.data()), hash.size());
}

}  // namespace

TEST_CASE("chain: the check recomputes the seals and the head", "[store][chain]") {
  auto connection = testing::MemoryStore(testing::kOneActionPlan);
  Seal(connection);
  const store::RecordCheck check = store::CheckRecords(connection);
  REQUIRE(check.ok());
  CHECK(check.head.count == 1);
  CHECK(check.head.head == store::HeadOf(connection).head);
  Hashes hashes;
  store::WalkRecords(connection, {}, hashes);
  CHECK(check.head.head == domain::ToHex(domain::ChainLink(domain::Hash{}, hashes.by_journal[1])));
}

TEST_CASE("chain: a head claim takes the printed digits or all of them", "[store][chain]") {
  auto claim = store::ParseHeadClaim("1234:3F9A1C5E0B7D…");
  REQUIRE(claim);
  CHECK(claim->count == 1234);
  CHECK(claim->head == "3f9a1c5e0b7d");
  CHECK(store::ParseHeadClaim("7:" + std::string(64, 'a')));
  CHECK(store::ParseHeadClaim("7:3f9a1c5e0b7d...")->head == "3f9a1c5e0b7d");
  CHECK_FALSE(store::ParseHeadClaim("7:3f9a1c5e0b7"));  // 11 digits prove too little
  CHECK_FALSE(store::ParseHeadClaim("7:" + std::string(65, 'a')));
  CHECK_FALSE(store::ParseHeadClaim("x:3f9a1c5e0b7d"));
  CHECK_FALSE(store::ParseHeadClaim("3f9a1c5e0b7d"));
}

TEST_CASE("chain: a writer committing during a check changes nothing it reports",
          "[store][chain]") {
  testing::CztFile czt;
  for (int i = 1; i <= 3; ++i) {
    REQUIRE(testing::RunCli({"--db", czt.db, "--as", "hunan-transport", "log", "T2.03", "--percent",
                             std::to_string(90 + i)})
                .code == 0);
  }
  auto reader = store::Connection::Open(czt.db);
  REQUIRE(reader.ok());
  const store::RecordHead before = store::HeadOf(*reader);
  store::CheckOptions options;
  int writes = 0;
  // After each record, another process logs: a new journal row, entry and seal, and also a row
  // no record covers; none of them is in the snapshot being checked.
  options.after_record = [&](int64_t) {
    REQUIRE(testing::RunCli(
                {"--db", czt.db, "--as", "hunan-transport", "log", "T2.03", "--percent", "95"})
                .code == 0);
    SQLite::Database raw(czt.db, SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO progress_log (action_id, unit_id, logged_on, recorded_at, percent, status) "
        "SELECT action_id, unit_id, logged_on, recorded_at, 96, status FROM progress_log LIMIT 1");
    ++writes;
  };
  const store::RecordCheck check = store::CheckRecords(*reader, options);
  CHECK(check.ok());
  CHECK(writes == before.count);
  CHECK(check.head.count == before.count);
  CHECK(check.head.head == before.head);
  // Afterwards the writes are there: the logs sealed, the rows written by hand found.
  const store::RecordCheck after = store::CheckRecords(*reader);
  REQUIRE_FALSE(after.ok());
  CHECK_THAT(after.first_break->reason, Catch::Contains("belongs to no record"));
  CHECK(after.head.count == before.count + writes);
}

TEST_CASE("chain: a read snapshot sees the file as it was when it began", "[store][chain]") {
  testing::CztFile czt;
  auto reader = store::Connection::Open(czt.db);
  REQUIRE(reader.ok());
  const store::RecordHead before = store::HeadOf(*reader);
  {
    store::ReadSnapshot snapshot(*reader);
    REQUIRE(testing::RunCli(
                {"--db", czt.db, "--as", "hunan-transport", "log", "T2.03", "--percent", "95"})
                .code == 0);
    CHECK(store::HeadOf(*reader).count == before.count);
    CHECK(store::CheckRecords(*reader).head.head == before.head);
  }
  CHECK(store::HeadOf(*reader).count == before.count + 1);
}

TEST_CASE("chain: a received record verifies against its packet's signature", "[store][chain]") {
  auto connection = testing::MemoryStore(testing::kOneActionPlan);
  connection.db().exec(kReceived);
  Seal(connection);
  Hashes hashes;
  store::WalkRecords(connection, {}, hashes);
  const domain::KeyPair keys = domain::NewKeyPair();
  const std::string other = AsBytes(domain::HashOf("another record"));
  SECTION("signed, and the record among the packet's") {
    SignPacket(connection, other + AsBytes(hashes.by_journal[2]), keys);
    CHECK(store::CheckRecords(connection).ok());
  }
  SECTION("the record is not among the hashes signed") {
    SignPacket(connection, other, keys);
    auto check = store::CheckRecords(connection);
    REQUIRE_FALSE(check.ok());
    CHECK(check.first_break->journal_id == 2);
    CHECK(check.first_break->uid == std::string(32, 'a'));
    CHECK_THAT(check.first_break->reason, Catch::Contains("not among the records"));
  }
  SECTION("the signature does not verify") {
    SignPacket(connection, AsBytes(hashes.by_journal[2]), keys);
    connection.db().exec("UPDATE packet SET public_key = '" +
                         domain::ToHex(domain::NewKeyPair().public_key) + "'");
    auto check = store::CheckRecords(connection);
    REQUIRE_FALSE(check.ok());
    CHECK(check.first_break->journal_id == 2);
    CHECK_THAT(check.first_break->reason, Catch::Contains("signature over its header"));
  }
  SECTION("the hashes are not the ones the header names") {
    SignPacket(connection, AsBytes(hashes.by_journal[2]), keys);
    SQLite::Statement update(connection.db(), "UPDATE packet SET record_hashes = :hashes");
    const std::string forged = AsBytes(hashes.by_journal[2]) + other;
    update.bind(":hashes", forged.data(), static_cast<int>(forged.size()));
    update.exec();
    auto check = store::CheckRecords(connection);
    REQUIRE_FALSE(check.ok());
    CHECK_THAT(check.first_break->reason, Catch::Contains("not the ones its signed header"));
  }
}
