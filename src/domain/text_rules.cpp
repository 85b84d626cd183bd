#include "domain/text_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/utf8.h"

namespace plantrack::domain {
namespace {

// The code point starting at text[i] (valid UTF-8 assumed) and its length in bytes.
char32_t Decode(std::string_view text, size_t i, size_t& length) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    length = 1;
    return c;
  }
  length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t code = c & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) code = (code << 6) | (text[i + k] & 0x3F);
  return code;
}

// Why a character may not be stored, or nothing when it may.
const char* Forbidden(char32_t code, TextShape shape) {
  if (code == 0) return "a NUL character";
  if (code == 0x1B) return "an escape character (ESC)";
  if (code == '\n' || code == '\t') {
    return shape == TextShape::kParagraph ? nullptr : "a line break or tab";
  }
  if (code < 0x20 || code == 0x7F) return "a control character";
  if (code >= 0x80 && code <= 0x9F) return "a C1 control character";
  // Embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069): they reorder what is
  // shown after them, so a note could display other words than it holds.
  if ((code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069)) {
    return "a bidirectional override or isolate";
  }
  return nullptr;
}

bool IsSpace(char32_t code) {
  return code == ' ' || (code >= 0x09 && code <= 0x0D) || code == 0x85 || code == 0xA0 ||
         code == 0x1680 || (code >= 0x2000 && code <= 0x200B) || code == 0x2028 || code == 0x2029 ||
         code == 0x202F || code == 0x205F || code == 0x3000 || code == 0xFEFF;
}

}  // namespace

std::optional<std::string> CheckText(std::string_view field, std::string_view text, TextShape shape,
                                     size_t max_characters) {
  // Printable ASCII, nearly every source and many notes: valid UTF-8, a character a byte, none
  // of them forbidden. Decoding them one by one was 3 % of a large import.
  if (text.size() <= max_characters &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
    return std::nullopt;
  }
  if (!IsValidUtf8(text)) return fmt::format("{} is not valid UTF-8 text", field);
  // Characters, as SQLite's length() counts them: a note in Chinese has three bytes to one.
  const size_t characters = CountCharacters(text);
  if (characters > max_characters) {
    return fmt::format("{} is {} characters long; at most {} are allowed", field, characters,
                       max_characters);
  }
  size_t position = 0;
  for (size_t i = 0, length = 0; i < text.size(); i += length) {
    ++position;
    const char32_t code = Decode(text, i, length);
    if (const char* what = Forbidden(code, shape)) {
      return fmt::format(
          "{} contains {} (U+{:04X} at character {}); text may not hold control "
          "characters{}",
          field, what, static_cast<uint32_t>(code), position,
          shape == TextShape::kParagraph ? " but newline and tab" : "");
    }
  }
  return std::nullopt;
}

std::optional<std::string> CheckNote(std::string_view field, std::string_view note) {
  return CheckText(field, note, TextShape::kParagraph, kMaxNoteLength);
}

std::optional<std::string> CheckLine(std::string_view field, std::string_view text) {
  return CheckText(field, text, TextShape::kLine, kMaxLineLength);
}

bool SaysSomething(std::string_view text) {
  if (!IsValidUtf8(text)) return !text.empty();
  for (size_t i = 0, length = 0; i < text.size(); i += length) {
    if (!IsSpace(Decode(text, i, length))) return true;
  }
  return false;
}

}  // namespace plantrack::domain
