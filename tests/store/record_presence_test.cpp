// A packet's records asked for all at once (store/record_presence.h): each answer is the one a
// probe of the journal by uid gives, found by the record's place in the packet, and a record the
// packet carries twice is left to the live probe.

#include "store/record_presence.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/journal.h"
#include "test_support.h"

using plantrack::store::JournalEntry;
using plantrack::store::RecordKey;
using plantrack::store::RecordKeyOfLine;
using plantrack::store::RecordPresence;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;
using Answer = RecordPresence::Answer;

namespace {

std::string Uid(char fill, int n) {
  const std::string digits = std::to_string(n);
  return std::string(32 - digits.size(), fill) + digits;
}

RecordKey Key(const std::string& uid) {
  RecordKey key;
  std::copy(uid.begin(), uid.end(), key.begin());
  return key;
}

}  // namespace

TEST_CASE("record presence: the id a header line starts with, and only a header's",
          "[store][receive]") {
  const std::string uid = Uid('b', 7);
  const std::string header = R"({"record":")" + uid + R"(","kind":"log"})";
  REQUIRE(RecordKeyOfLine(header));
  CHECK(std::string(RecordKeyOfLine(header)->data(), 32) == uid);
  for (const std::string& line :
       {std::string(R"({"t":"entry","record":")" + uid + R"("})"),           // a row, not a header
        std::string(R"({"record":")" + Uid('B', 7) + R"(","kind":"log"})"),  // capitals
        std::string(R"({"record":")" + uid.substr(1) + R"(","kind":"log"})"),  // 31 digits
        std::string(R"({"record":")" + uid + R"(0","kind":"log"})"),           // 33 digits
        std::string(R"({"record":")" + uid), std::string()}) {
    CAPTURE(line);
    CHECK_FALSE(RecordKeyOfLine(line));
  }
}

TEST_CASE("record presence: held, absent, carried twice, or not probed", "[store][receive]") {
  auto connection = MemoryStore(kOneActionPlan);
  std::vector<int64_t> held;
  for (int n = 0; n < 50; ++n) {
    JournalEntry entry;
    entry.recorded_at = "2026-11-20T08:00:00Z";
    entry.command = "plantrack log";
    entry.kind = "log";
    entry.uid = Uid('c', n);
    held.push_back(connection.AppendJournal(entry));
  }
  // The packet's records, in its order: held ones among new ones, one new id twice, one held
  // id twice; the ordering the probes take is not the packet's.
  const std::vector<std::string> packet = {Uid('e', 3), Uid('c', 42), Uid('d', 1), Uid('c', 7),
                                           Uid('d', 1), Uid('c', 9),  Uid('a', 0), Uid('c', 9)};
  std::vector<RecordKey> keys;
  for (const std::string& uid : packet) keys.push_back(Key(uid));
  RecordPresence presence(connection.db());
  presence.ProbeAll(keys);
  int64_t journal_id = 0;
  CHECK(presence.Find(0, packet[0], &journal_id) == Answer::kAbsent);
  CHECK(presence.Find(1, packet[1], &journal_id) == Answer::kPresent);
  CHECK(journal_id == held[42]);
  CHECK(presence.Find(3, packet[3], &journal_id) == Answer::kPresent);
  CHECK(journal_id == held[7]);
  CHECK(presence.Find(6, packet[6], &journal_id) == Answer::kAbsent);
  for (size_t twice : {2, 4, 5, 7}) {
    CAPTURE(twice);
    CHECK(presence.Find(twice, packet[twice], &journal_id) == Answer::kAskTheFile);
  }
  // A record at a place the keys do not describe (a header they missed) is asked of the file.
  CHECK(presence.Find(0, packet[1], &journal_id) == Answer::kAskTheFile);
  CHECK(presence.Find(packet.size(), Uid('f', 1), &journal_id) == Answer::kAskTheFile);
  const RecordPresence none(connection.db());
  CHECK(none.Find(0, packet[0], &journal_id) == Answer::kAskTheFile);
  // What the answers leave to the file, asked of it.
  CHECK(presence.Held(packet[5]) == held[9]);
  CHECK(presence.Held(packet[2]) == 0);
}
