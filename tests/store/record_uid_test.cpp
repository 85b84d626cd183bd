// Record ids: unique by their random part, and ordered by time so that a file receiving many
// records inserts them into one end of its uid index.

#include <catch2/catch.hpp>
#include <set>

#include "store/record_codec.h"

using plantrack::store::NewRecordUid;

TEST_CASE("record uid: 32 hex digits that sort by recorded_at, unique within one second",
          "[store][records]") {
  const std::string early = NewRecordUid("2026-11-28T10:00:00Z");
  const std::string later = NewRecordUid("2026-11-28T10:00:01Z");
  const std::string next_year = NewRecordUid("2027-01-01T00:00:00Z");
  for (const std::string& uid : {early, later, next_year}) {
    CHECK(uid.size() == 32);
    CHECK(uid.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
  CHECK(early < later);
  CHECK(later < next_year);
  // 2026-11-28T10:00:00Z is 1795860000 seconds after 1970: the id's first ten digits.
  CHECK(early.substr(0, 10) == "006b0aa620");
  std::set<std::string> same_second;
  for (int i = 0; i < 1000; ++i) same_second.insert(NewRecordUid("2026-11-28T10:00:00Z"));
  CHECK(same_second.size() == 1000);
  // Not a timestamp: all random, still a valid id.
  CHECK(NewRecordUid("yesterday").size() == 32);
}
