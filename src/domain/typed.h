#pragma once
// Identifiers and numbers as people type them, brought to one form before they are parsed or
// looked up. Chinese input methods produce full-width forms (`Ｔ３．０７`, `１２`, `（`), people
// type codes in any case (`t3.07`) and copy entry ids as plantrack prints them (`#661`). Only
// what is unambiguous is accepted: these functions never guess between two readings.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plantrack::domain {

// `text` with the full-width ASCII forms (U+FF01..U+FF5E) turned into ASCII and the ideographic
// space (U+3000) into a space; everything else is left as it is. Text without them is
// returned unchanged (and costs one copy).
std::string NarrowWidth(std::string_view text);

// The key two spellings of one code or name share: NarrowWidth, surrounding white space
// dropped, ASCII letters in lower case. `Ｔ３.０７ ` and `t3.07` fold to the same key; Chinese
// text folds to itself (with its full-width brackets narrowed).
std::string FoldCode(std::string_view text);

// A progress entry's id as typed: `661`, `#661`, `＃６６１`. Nothing for anything else
// (signs, zero, spaces inside).
std::optional<int64_t> ParseEntryId(std::string_view text);

// Whether a command-line argument is a negative number (`-1.5`, `-3`, `-１２`): a value, never
// an option.
bool LooksLikeNegativeNumber(std::string_view arg);

}  // namespace plantrack::domain
