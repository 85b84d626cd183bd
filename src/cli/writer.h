#pragma once
// What every writing command shares: who is writing (--as or $PLANTRACK_UNIT), whether that
// unit may write for an action, the date an entry is about, text checks, the journal row, and
// the one line (or JSON object) that reports what was recorded.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "store/identity.h"
#include "store/journal.h"

namespace plantrack::cli {

// The acting unit: exit 64 when none is given, 65 when it is unknown.
Result<store::UnitRef> Writer(Context& context);

// Exit 65 unless the writer is a coordinator.
Status RequireCoordinator(const store::UnitRef& writer, std::string_view what);
// The same, and exit 65 on a replica: the plan's structure changes only on the master.
Status RequireCoordinator(Context& context, const store::UnitRef& writer, std::string_view what);

// For a command that opens the database only for some of its forms (`key new` needs none):
// opens context.db_path, runs `body` (inside one write transaction when `write`), closes it.
Status WithDatabase(Context& context, bool write, const std::function<Status()>& body);

// The action, checked to exist (with a suggestion) and to be the writer's to write for: it or a
// unit below it is lead or support, or it is a coordinator.
Result<store::ActionRef> WritableAction(Context& context, const store::UnitRef& writer,
                                        const std::string& code);

// --on DATE (else today), a real date no later than today, within the plan's span; `field`
// names it in a refusal ("logged_on", "done_on").
Result<std::string> EntryDate(Context& context, const po::variables_map& args,
                              std::string_view field = "logged_on");

// The value of a text option (empty when absent), checked by domain::CheckNote, or with
// `one_line` by domain::CheckLine (names, titles, sources).
Result<std::string> TextOption(const po::variables_map& args, const char* name,
                               bool one_line = false);

// A journal row for this command by the writer.
store::JournalEntry JournalFor(const Context& context, const store::UnitRef& writer,
                               std::string kind, std::string detail);

// Prints "warning: ..." on stderr (even with --quiet: it is about the data, not chatter).
void Warn(Context& context, const std::string& warning);

// Prints `line` (unless --quiet), or `json` with --format json.
void Report(Context& context, const std::string& line, const nlohmann::ordered_json& json);

}  // namespace plantrack::cli
