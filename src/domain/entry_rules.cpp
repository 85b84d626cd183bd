#include "domain/entry_rules.h"

#include <fmt/format.h>

#include "domain/utf8.h"

namespace plantrack::domain {

std::optional<std::string> CheckNote(std::string_view option, std::string_view note) {
  if (!IsValidUtf8(note)) return fmt::format("{} is not valid UTF-8 text", option);
  // Characters, as SQLite's length() counts them: a note in Chinese has three bytes to one.
  const size_t characters = CountCharacters(note);
  if (characters > kMaxNoteLength) {
    return fmt::format("{} is {} characters long; at most {} are allowed", option, characters,
                       kMaxNoteLength);
  }
  for (size_t i = 0; i < note.size(); ++i) {
    const auto c = static_cast<unsigned char>(note[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      return fmt::format("{} contains a control character (byte {:#04x} at position {})", option, c,
                         i + 1);
    }
  }
  return std::nullopt;
}

std::optional<std::string> CheckEntryDate(const Date& on, const Date& today, const Date& issued_on,
                                          const Date& far_horizon) {
  if (today < on) {
    return fmt::format("--on {} is in the future (today is {})", FormatIsoDate(on),
                       FormatIsoDate(today));
  }
  if (on < issued_on) {
    return fmt::format("--on {} is before the plan was issued on {}", FormatIsoDate(on),
                       FormatIsoDate(issued_on));
  }
  if (far_horizon < on) {
    return fmt::format("--on {} is after the plan's far horizon {}", FormatIsoDate(on),
                       FormatIsoDate(far_horizon));
  }
  return std::nullopt;
}

bool IsStatus(std::string_view status) {
  return status == "on-track" || status == "at-risk" || status == "delayed" ||
         status == "blocked" || status == "done";
}

std::optional<std::string> CheckProgress(std::string_view action, int percent,
                                         std::string_view status, std::string_view note,
                                         const std::optional<LatestEntry>& latest) {
  if (percent < 0 || percent > 100) {
    return fmt::format("--percent {} is not a whole number from 0 to 100", percent);
  }
  if (!IsStatus(status)) {
    return fmt::format("--status {} is not one of on-track, at-risk, delayed, blocked, done",
                       status);
  }
  if (status == "done" && percent != 100) {
    return fmt::format("--status done needs --percent 100, not {}", percent);
  }
  if (!latest) return std::nullopt;
  if (latest->status == "done") {
    return fmt::format("{} is already done; retract its last entry first to reopen it", action);
  }
  if (percent < latest->percent) {
    const bool explained = (status == "delayed" || status == "blocked") && !note.empty();
    if (!explained) {
      return fmt::format(
          "--percent {} is below {}'s latest {}%; going back needs --status delayed or blocked "
          "and a --note saying why",
          percent, action, latest->percent);
    }
  }
  return std::nullopt;
}

}  // namespace plantrack::domain
