#include "cli/man_page.h"

#include <fmt/format.h>

#include <sstream>

#include "cli/commands.h"

namespace plantrack::cli {
namespace {

// Text as roff reads it literally: a backslash is \e, a dash \- (so it is not a hyphen that may
// break or turn into a Unicode one), and a line may not start with a control character.
std::string Roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// One option of a program_options description: its flags and its help line.
void Options(const po::options_description& options, std::string& page) {
  for (const auto& option : options.options()) {
    std::string flags = option->format_name();
    const std::string parameter = option->format_parameter();
    if (!parameter.empty()) flags += " " + parameter;
    page += fmt::format(".TP\n.B {}\n{}\n", Roff(flags), Roff(option->description()));
  }
}

}  // namespace

std::string ManPage() {
  std::string page = fmt::format(
      ".TH PLANTRACK 1 \"\" \"plantrack {}\" \"User Commands\"\n"
      ".SH NAME\nplantrack \\- track how the Changsha\\-Zhuzhou\\-Xiangtan metropolitan plan is "
      "carried out\n"
      ".SH SYNOPSIS\n.B plantrack\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n"
      ".SH DESCRIPTION\nplantrack keeps the plan's task areas, actions, milestones and "
      "indicators in one SQLite file, records the progress the responsible units report, and "
      "prints status, overdue, audit and evaluation reports as tables, JSON, CSV, Markdown or "
      "HTML.\n",
      PLANTRACK_VERSION);
  page += ".SH COMMANDS\n";
  for (const CommandSpec* command : Commands()) {
    page += fmt::format(".SS \"{} {}\"\n{}\n", Roff(command->name), Roff(command->usage),
                        Roff(command->summary));
    po::options_description options;
    po::positional_options_description positional;
    command->Describe(options, positional);
    if (!options.options().empty()) {
      page += ".RS\n";
      Options(options, page);
      page += ".RE\n";
    }
  }
  page += ".SH GLOBAL OPTIONS\n";
  Options(GlobalOptions(), page);
  page +=
      ".SH ENVIRONMENT\n"
      ".TP\n.B PLANTRACK_DB\nthe database file when \\-\\-db is not given\n"
      ".TP\n.B PLANTRACK_UNIT\nthe unit writing when \\-\\-as is not given\n"
      ".TP\n.B PAGER\nwhat long tables on a terminal go through (default: less \\-FRX; empty "
      "or cat: none)\n"
      ".TP\n.B NO_COLOR\nwhen set and not empty, no colour\n"
      ".SH EXIT STATUS\n"
      "0 success; 1 a report found what \\-\\-fail\\-on asked about; 64 bad command line; 65 "
      "invalid value or refused; 66 database missing; 69 database unusable; 70 internal error; "
      "73 cannot create a file; 74 read or write failed; 75 database busy.\n"
      ".SH SEE ALSO\nplantrack COMMAND \\-\\-help; the README of the source.\n";
  return page;
}

}  // namespace plantrack::cli
