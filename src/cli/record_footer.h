#pragma once
// Every report ends with the record's count and head, so that a printed or saved report anchors
// the state of the file it was made from and `verify --head N:HASH` can later prove the file still
// extends it (DESIGN.md, "The record"). Done once, here, for every reading command rather than in
// each report: tables and Markdown get a last line `record 1234 · head 3f9a1c5e0b7d…`, JSON a
// last top-level field "record": {"count", "head"} (a top-level array, a listing, is wrapped as
// {"rows": [...], "record": ...}), CSV nothing, since it is for programs that expect rows only.

#include <functional>

#include "cli/command.h"

namespace plantrack::cli {

// Runs a reading command inside one read snapshot, in which the head is read first, then adds
// the record to what the command printed (when it succeeded or found what it looks for).
Status RunReading(const CommandSpec& command, Context& context, const po::variables_map& args);

// The same for the reading form of a command that also writes (`conflicts` listing, `key list`):
// `run` prints, the record follows. Inside the caller's write transaction the snapshot is that
// transaction's, so the head read first is the state the listing shows.
Status WithRecordFooter(Context& context, const std::function<Status()>& run);

// "record 1234 · head 3f9a1c5e0b7d…": the first 12 hex digits of the head.
std::string FooterLine(const store::RecordHead& record);

// The "record" field's value as JSON text, at the indentation of a top-level field.
std::string RecordJson(const store::RecordHead& record);

}  // namespace plantrack::cli
