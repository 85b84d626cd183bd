#include "store/record_presence.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <utility>

#include "domain/digest.h"

namespace plantrack::store {
namespace {

constexpr std::string_view kHeaderStart = R"({"record":")";

// A key's 32 digits read as two numbers of 16 hex digits each, which order as the key does:
// sorting a packet's ids by them costs a tenth of comparing the digits with memcmp.
struct SortKey {
  uint64_t high, low;
  uint32_t ordinal;
  auto Value() const { return std::pair(high, low); }
};

uint64_t HexValue(const char* digits) {
  uint64_t value = 0;
  for (int i = 0; i < 16; ++i) {
    const char c = digits[i];
    value = value << 4 | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return value;
}

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

// The uid index alone answers (it holds the row id); whether the row was written here is read
// only for a record found present in a published packet.
RecordPresence::RecordPresence(SQLite::Database& db)
    : probe_(std::make_unique<SQLite::Statement>(db, "SELECT id FROM journal WHERE uid = :uid")),
      probed_uid_(RecordKey().size(), '0') {
  probe_->bindNoCopy(1, probed_uid_);
}

RecordPresence::~RecordPresence() = default;

int64_t RecordPresence::Held(std::string_view uid) {
  probe_->reset();
  probed_uid_.assign(uid);
  probe_->bindNoCopy(1, probed_uid_);  // assign may have moved the digits
  return probe_->executeStep() ? probe_->getColumn(0).getInt64() : 0;
}

void RecordPresence::ProbeAll(const std::vector<RecordKey>& keys) {
  keys_ = &keys;
  held_.assign(keys.size(), 0);
  std::vector<SortKey> order;
  order.reserve(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    order.push_back({HexValue(keys[i].data()), HexValue(keys[i].data() + 16), i});
  }
  std::sort(order.begin(), order.end(),
            [](const SortKey& a, const SortKey& b) { return a.Value() < b.Value(); });
  for (size_t i = 0; i < order.size(); ++i) {
    const uint32_t at = order[i].ordinal;
    if (i > 0 && order[i].Value() == order[i - 1].Value()) {
      held_[at] = held_[order[i - 1].ordinal] = -1;
      continue;
    }
    held_[at] = Held(std::string_view(keys[at].data(), keys[at].size()));
  }
}

RecordPresence::Answer RecordPresence::Find(size_t ordinal, std::string_view uid,
                                            int64_t* journal_id) const {
  if (!keys_ || ordinal >= keys_->size() ||
      uid != std::string_view((*keys_)[ordinal].data(), RecordKey().size()) || held_[ordinal] < 0) {
    return Answer::kAskTheFile;
  }
  if (held_[ordinal] == 0) return Answer::kAbsent;
  *journal_id = held_[ordinal];
  return Answer::kPresent;
}

}  // namespace plantrack::store
