#pragma once
// What text from outside may hold before it is stored, whichever way it comes in (a command, an
// import, a packet). Stored text is later printed to terminals, CSV and HTML, so anything that
// a reader's terminal or editor would act on rather than show is refused: NUL, ESC and every
// other C0 or C1 control character, DEL, and the bidirectional overrides and isolates that make
// text display in another order than it is stored. Each check returns nothing when the text is
// acceptable, else one line naming the field, the character and the rule.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plantrack::domain {

enum class TextShape {
  kLine,       // a name, title, code or source: one line, no tab
  kParagraph,  // a note, reason or description: newlines and tabs are fine
};

constexpr size_t kMaxNoteLength = 2000;
constexpr size_t kMaxLineLength = 500;

// Valid UTF-8, at most `max_characters` characters, and none of the characters above (a
// paragraph may hold newline and tab). `field` names the value in the message ("note",
// "title_en").
std::optional<std::string> CheckText(std::string_view field, std::string_view text, TextShape shape,
                                     size_t max_characters);

// A note or a reason: CheckText as a paragraph of at most kMaxNoteLength characters.
std::optional<std::string> CheckNote(std::string_view field, std::string_view note);

// A title, name or source: CheckText as one line of at most kMaxLineLength characters.
std::optional<std::string> CheckLine(std::string_view field, std::string_view text);

// Whether a note says anything: it holds a character that is not white space (ASCII or
// Unicode: no-break and ideographic spaces count as white space). A note of blanks does not
// say why.
bool SaysSomething(std::string_view text);

}  // namespace plantrack::domain
