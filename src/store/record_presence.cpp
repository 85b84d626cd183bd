#include "store/record_presence.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstring>
#include <numeric>

#include "domain/digest.h"

namespace plantrack::store {
namespace {

constexpr std::string_view kHeaderStart = R"({"record":")";

}  // namespace

std::optional<RecordKey> RecordKeyOfLine(std::string_view line) {
  const size_t end = kHeaderStart.size() + RecordKey().size();
  if (line.size() <= end || line.substr(0, kHeaderStart.size()) != kHeaderStart ||
      line[end] != '"') {
    return std::nullopt;
  }
  const std::string_view id = line.substr(kHeaderStart.size(), RecordKey().size());
  if (!domain::IsLowerHex(id)) return std::nullopt;
  RecordKey key;
  std::copy(id.begin(), id.end(), key.begin());
  return key;
}

RecordPresence::RecordPresence(SQLite::Database& db, const std::vector<RecordKey>& keys)
    : keys_(keys), held_(keys.size(), 0) {
  // The order to probe in; memcmp, because std::array's ordering compares char by char.
  std::vector<uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  auto same = [&](uint32_t a, uint32_t b) {
    return std::memcmp(keys[a].data(), keys[b].data(), RecordKey().size());
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return same(a, b) < 0; });
  SQLite::Statement present(db, "SELECT id FROM journal WHERE uid = :uid");
  for (size_t i = 0; i < order.size(); ++i) {
    const uint32_t at = order[i];
    if (i > 0 && same(at, order[i - 1]) == 0) {
      held_[at] = held_[order[i - 1]] = -1;
      continue;
    }
    present.reset();
    present.bind(1, std::string(keys[at].data(), keys[at].size()));
    if (present.executeStep()) held_[at] = present.getColumn(0).getInt64();
  }
}

RecordPresence::Answer RecordPresence::Find(size_t ordinal, std::string_view uid,
                                            int64_t* journal_id) const {
  if (ordinal >= keys_.size() ||
      uid != std::string_view(keys_[ordinal].data(), RecordKey().size()) || held_[ordinal] < 0) {
    return Answer::kAskTheFile;
  }
  if (held_[ordinal] == 0) return Answer::kAbsent;
  *journal_id = held_[ordinal];
  return Answer::kPresent;
}

}  // namespace plantrack::store
