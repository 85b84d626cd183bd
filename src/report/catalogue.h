#pragma once
// The one place where the program's English sentences get their Chinese: errors (the Status
// messages domain/ and store/ return), confirmations of writes, undo messages, warnings and the
// journal details `history` shows. domain/ and store/ keep speaking English and know nothing of
// the language; the edge that prints a sentence (cli::Run for errors, cli::Report and
// Context::Say for the rest) passes it through Translate.
//
// Like gettext, an entry is keyed by its English pattern exactly as the source formats it, "{}"
// standing for each argument; the Chinese pattern takes the same arguments by position ("{1}",
// or "{}" for the one after the last taken), so it may reorder them, and "{w0}" gives argument 0
// as a word (its Chinese from the vocabulary, report/wording.h; "{w}" the next one). Unlike gettext
// the sentence is matched after it was formatted, so no call site changes: an argument that is
// itself a catalogued sentence (a message wrapped in "FILE:LINE: ...") is translated too. A
// sentence with no entry stays English; tests/cli/zh_test.cpp checks the common ones.

#include <span>
#include <string>
#include <string_view>

namespace plantrack::report {

struct CatalogueEntry {
  std::string_view en;  // as in the source: "percent {} is not a whole number from 0 to 100"
  std::string_view zh;  // "完成度 {} 不是 0 到 100 之间的整数"
};

// Every entry, errors first. Defined in catalogue_errors.cpp, catalogue_said.cpp,
// catalogue_offices.cpp (packets, replicas and the record) and catalogue_help.cpp (the options'
// descriptions in help).
std::span<const CatalogueEntry> CatalogueErrors();
std::span<const CatalogueEntry> CatalogueSaid();
std::span<const CatalogueEntry> CatalogueOffices();
std::span<const CatalogueEntry> CatalogueHelp();

// `english` in Chinese when `zh` and the catalogue knows it (line by line for several lines),
// else `english` unchanged.
std::string Translate(bool zh, std::string_view english);

}  // namespace plantrack::report
