#pragma once
// Reads one line written by JsonLine (json_line.h), and only such a line: a flat object of
// text, integers, numbers and nulls, without spaces, keys unique, strings escaped exactly as
// JsonLine escapes them, numbers as JsonLine formats them. A line that is valid JSON but could
// have been written differently is refused, because its bytes are what a record's hash and a
// packet's signature cover. One pass, no re-encoding, and the members kept flat in two
// allocations, texts where they stand in a copy of the line (a JSON tree cost a received record
// a sixth of its time to build and free): this is what a receiver parses 100,000 records a
// second with.

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace plantrack::store {

class FlatLine {
 public:
  enum class Kind { kText, kInteger, kNumber, kNull };

  size_t size() const { return members_.size(); }
  std::string_view key(size_t i) const { return View(members_[i].key_at, members_[i].key_size); }
  std::string_view first_key() const { return members_.empty() ? "" : key(0); }

  bool IsText(std::string_view key) const { return Is(key, Kind::kText); }
  bool IsNull(std::string_view key) const { return Is(key, Kind::kNull); }
  bool IsTextOrNull(std::string_view key) const { return IsText(key) || IsNull(key); }
  // The member's text; throws std::out_of_range naming the key when it is missing or not text.
  std::string_view Text(std::string_view key) const {
    const Member* member = Find(key);
    if (!member || member->kind != Kind::kText) NoText(key);
    return View(member->text_at, member->text_size);
  }
  // The text, or `fallback` when the member is missing or not text.
  std::string_view TextOr(std::string_view key, std::string_view fallback) const;
  // A member written as an integer.
  std::optional<int64_t> Integer(std::string_view key) const;
  // A member written as a number, integer or not.
  std::optional<double> Number(std::string_view key) const;

 private:
  friend std::optional<FlatLine> ReadFlatLine(std::string_view line);
  struct Member {
    uint32_t key_at, key_size, text_at, text_size;  // in text_
    Kind kind;
    int64_t integer;
    double number;
  };
  static constexpr size_t kSlots = 32;
  static constexpr size_t SlotOf(std::string_view key) {
    return ((key.empty() ? 0 : static_cast<unsigned char>(key[0]) * 7) + key.size()) % kSlots;
  }
  // Inline, like the accessors above: a receiver looks up some fifty keys a record, each a
  // literal whose slot and comparison the compiler then works out in place.
  const Member* Find(std::string_view key) const {
    if (members_.size() > kSlots / 2) return FindInTurn(key);
    for (size_t slot = SlotOf(key);; slot = (slot + 1) % kSlots) {
      if (slots_[slot] == 0) return nullptr;
      const Member& member = members_[slots_[slot] - 1];
      if (View(member.key_at, member.key_size) == key) return &member;
    }
  }
  const Member* FindInTurn(std::string_view key) const;
  [[noreturn]] static void NoText(std::string_view key);
  // Appends the member; false when its key is there already.
  bool Add(const Member& member);
  bool Is(std::string_view key, Kind kind) const {
    const Member* member = Find(key);
    return member && member->kind == kind;
  }
  std::string_view View(uint32_t at, uint32_t size) const { return {text_.data() + at, size}; }

  std::string text_;  // the line, each key and text unescaped where it stands
  std::vector<Member> members_;
  // Each member's index + 1 at its key's slot (open addressing; 0: empty), while there are no
  // more than kSlots / 2 of them.
  std::array<uint8_t, kSlots> slots_{};
};

// The object, members in the order written; nothing when the line is not canonical JsonLine
// output (including invalid UTF-8, nested values, booleans, an empty object).
std::optional<FlatLine> ReadFlatLine(std::string_view line);

}  // namespace plantrack::store
