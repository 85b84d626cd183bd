#pragma once
// "Did you mean ...?" for unknown commands and codes: the closest candidate by edit distance,
// if it is close enough to be a plausible typo.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plantrack::domain {

// Levenshtein distance counted in bytes (codes and commands are ASCII).
int EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` (case-insensitive), when its distance is at most a third of
// the word's length (at least 1, at most 3); ties go to the earliest candidate.
std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace plantrack::domain
