#pragma once
// What every subcommand gets and declares. A command lives in its own cli/cmd_*.cpp, which ends
// with its CommandSpec, and is listed by one line in the table of commands.cpp; help, the shell
// completion, the man page and "did you mean" read that table. The dispatcher (cli.cpp) reads the
// access mode to open the database accordingly and to wrap a writing command in one transaction.

#include <boost/program_options.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "domain/civil_date.h"
#include "domain/status.h"
#include "report/catalogue.h"
#include "report/listing.h"
#include "report/wording.h"
#include "store/chain.h"
#include "store/connection.h"

namespace plantrack::cli {

namespace po = boost::program_options;

enum class Access {
  kNone,    // needs no database
  kCreate,  // opens or creates the file itself (init)
  kRead,    // reads an existing database
  kWrite,   // writes an existing database, inside one BEGIN IMMEDIATE transaction
};

enum class Lang { kEn, kZh };

struct Context {
  Context(std::ostream& out_stream, std::ostream& err_stream) : out(out_stream), err(err_stream) {}

  std::ostream& out;
  std::ostream& err;
  store::Connection* db = nullptr;  // null for kNone and kCreate
  // How the command's spec and the environment say the file is opened (integrity check, busy
  // timeout, read-only): the dispatcher's own opening, and a kCreate or kNone command's.
  store::OpenOptions open;
  std::string db_path;
  domain::Date today;
  domain::Date as_of;   // --as-of, else today
  std::string now_utc;  // 'YYYY-MM-DDTHH:MM:SSZ', for recorded_at and the journal
  std::optional<std::string> acting_unit;  // --as or $PLANTRACK_UNIT
  std::string command_line;                // as typed, for the journal
  report::Format format = report::Format::kTable;
  Lang lang = Lang::kEn;
  bool color = false;
  bool quiet = false;
  // The record's count and head in the snapshot a reading command runs in. The dispatcher ends
  // the command's report with them (record_footer.h) unless the command carries them in its own
  // output and says so with `record_shown` (verify, export, report --html).
  std::optional<store::RecordHead> record;
  bool record_shown = false;
  int width = 0;  // tables fit this many columns: the terminal's, 0 when piped or with --wide

  // The Chinese text with --lang zh when there is one, else the English.
  const std::string& Text(const std::string& en, const std::string& zh) const {
    return report::TitleIn(lang == Lang::kZh, en, zh);
  }
  // One of the program's English sentences (a confirmation, a warning, a line of output) in the
  // language asked for, from the one catalogue (report/catalogue.h).
  std::string Say(std::string_view english) const {
    return report::Translate(lang == Lang::kZh, english);
  }
};

using DescribeFunction = void (*)(po::options_description& options,
                                  po::positional_options_description& positional);

struct CommandSpec {
  std::string_view name;
  std::string_view usage;       // arguments after the name, e.g. "[--area T] [--unit U]"
  std::string_view summary;     // one line for `plantrack help` and the man page
  std::string_view summary_zh;  // the same line under --lang zh
  Access access;
  bool check_integrity;  // run PRAGMA quick_check on open
  // Declares the command's own options and positional arguments; null when it takes none.
  DescribeFunction describe;
  Status (*run)(Context& context, const po::variables_map& args);

  // The command's own options and positional arguments, as `describe` declares them.
  void Describe(po::options_description& options,
                po::positional_options_description& positional) const {
    if (describe) describe(options, positional);
  }
};

// Every command, in the order `plantrack help` lists them.
std::span<const CommandSpec* const> Commands();

}  // namespace plantrack::cli
