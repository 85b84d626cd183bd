#include "report/catalogue.h"

#include <algorithm>
#include <vector>

#include "report/wording.h"

namespace plantrack::report {
namespace {

// An English pattern cut at its arguments: literals.size() is the number of arguments plus one.
struct Pattern {
  std::vector<std::string> literals;
  size_t weight = 0;  // literal characters: the more, the more specific
  std::string_view zh;
};

Pattern Compile(const CatalogueEntry& entry) {
  Pattern pattern{{""}, 0, entry.zh};
  const std::string_view en = entry.en;
  for (size_t i = 0; i < en.size(); ++i) {
    if ((en[i] == '{' || en[i] == '}') && i + 1 < en.size() && en[i + 1] == en[i]) {
      pattern.literals.back() += en[i++];  // "{{" and "}}" are the braces themselves
    } else if (en[i] == '{') {
      i = en.find('}', i);  // "{}" or a format spec such as "{:04X}": an argument either way
      if (i == std::string_view::npos) break;
      pattern.literals.emplace_back();
    } else {
      pattern.literals.back() += en[i];
    }
  }
  for (const std::string& literal : pattern.literals) pattern.weight += literal.size();
  return pattern;
}

// Most specific first, so that "unknown {} '{}' (did you mean {}?)" wins over "unknown {} '{}'".
const std::vector<Pattern>& Patterns() {
  static const std::vector<Pattern> patterns = [] {
    std::vector<Pattern> all;
    for (auto part : {&CatalogueErrors, &CatalogueSaid, &CatalogueOffices, &CatalogueHelp}) {
      for (const CatalogueEntry& entry : part()) all.push_back(Compile(entry));
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Pattern& a, const Pattern& b) { return a.weight > b.weight; });
    return all;
  }();
  return patterns;
}

// Whether text[pos..] matches argument `k` and everything after it; each argument takes as
// little as it can, and gives more when the rest does not match.
bool MatchFrom(const Pattern& pattern, size_t k, std::string_view text, size_t pos,
               std::vector<std::string_view>& args) {
  if (k + 1 == pattern.literals.size()) return pos == text.size();
  const std::string& next = pattern.literals[k + 1];
  const bool last = k + 2 == pattern.literals.size();
  for (size_t at = last ? text.size() - std::min(text.size(), next.size()) : pos;
       at <= text.size() && at >= pos; ++at) {
    if (text.compare(at, next.size(), next) != 0) continue;
    args[k] = text.substr(pos, at - pos);
    if (MatchFrom(pattern, k + 1, text, at + next.size(), args)) return true;
    if (last) break;
  }
  return false;
}

std::string TranslateLine(std::string_view line);

// An argument that is a sentence, or a list of sentences joined by ", " ("T2.03-M2 (due
// 2028-05-31), T2.03-M3 (due 2030-12-31)") when the catalogue knows every item.
std::string TranslateArgument(std::string_view argument) {
  std::string items;
  for (size_t start = 0;;) {
    const size_t end = argument.find(", ", start);
    if (start == 0 && end == std::string_view::npos) break;  // not a list
    const std::string_view item = argument.substr(start, end - start);
    const std::string translated = TranslateLine(item);
    if (translated == item) return Translate(true, argument);
    items += (start == 0 ? "" : "、") + translated;
    if (end == std::string_view::npos) return items;
    start = end + 2;
  }
  return Translate(true, argument);
}

std::string Render(std::string_view zh, const std::vector<std::string_view>& args) {
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < zh.size(); ++i) {
    if ((zh[i] == '{' || zh[i] == '}') && i + 1 < zh.size() && zh[i + 1] == zh[i]) {
      out += zh[i++];
      continue;
    }
    if (zh[i] != '{') {
      out += zh[i];
      continue;
    }
    const size_t close = zh.find('}', i);
    if (close == std::string_view::npos) break;
    std::string_view spec = zh.substr(i + 1, close - i - 1);
    i = close;
    const bool word = !spec.empty() && spec.front() == 'w';
    if (word) spec.remove_prefix(1);
    // "{N}" goes back or ahead to argument N, and a "{}" after it takes N + 1.
    const size_t index = spec.empty() ? next : static_cast<size_t>(std::stoul(std::string(spec)));
    next = index + 1;
    if (index >= args.size()) continue;
    out += word ? std::string(WordIn(true, args[index])) : TranslateArgument(args[index]);
  }
  return out;
}

std::string TranslateLine(std::string_view line) {
  // An indented line (the problems under "import refused") keeps its indent.
  const size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) return std::string(line);
  const std::string_view text = line.substr(indent);
  std::vector<std::string_view> args;
  for (const Pattern& pattern : Patterns()) {
    if (text.compare(0, pattern.literals[0].size(), pattern.literals[0]) != 0) continue;
    args.assign(pattern.literals.size() - 1, {});
    if (MatchFrom(pattern, 0, text, pattern.literals[0].size(), args)) {
      return std::string(line.substr(0, indent)) + Render(pattern.zh, args);
    }
  }
  return std::string(line);
}

}  // namespace

std::string Translate(bool zh, std::string_view english) {
  if (!zh) return std::string(english);
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t end = english.find('\n', start);
    out += TranslateLine(english.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    out += '\n';
    start = end + 1;
  }
}

}  // namespace plantrack::report
