#include "cli/cli.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/help.h"
#include "cli/pager.h"
#include "cli/record_footer.h"
#include "domain/numbers.h"
#include "domain/suggest.h"
#include "domain/typed.h"

namespace plantrack::cli {
namespace {

Status UnknownCommand(const std::string& name) {
  auto near = domain::ClosestMatch(name, CommandNames());
  return Status::Usage(near ? fmt::format("unknown command '{}' (did you mean {}?)", name, *near)
                            : fmt::format("unknown command '{}' (see plantrack help)", name));
}

bool Has(const std::vector<std::string>& args, std::string_view word) {
  return std::find(args.begin(), args.end(), word) != args.end();
}

// An unknown option, with the closest of the command's and the global options when one is near.
// `command` is empty for an option before the command word.
Status UnknownOption(const std::string& option, const po::options_description& all,
                     std::string_view command) {
  std::vector<std::string> names;
  for (const auto& known : all.options()) names.push_back("--" + known->long_name());
  const std::string bare = option.substr(0, option.find('='));
  auto near = domain::ClosestMatch(bare, names);
  const std::string prefix = command.empty() ? "" : fmt::format("{}: ", command);
  const std::string help =
      command.empty() ? "plantrack --help" : fmt::format("plantrack {} --help", command);
  return Status::Usage(
      near ? fmt::format("{}unknown option {} (did you mean {}?)", prefix, bare, *near)
           : fmt::format("{}unknown option {} (see {})", prefix, bare, help));
}

// Index of the command word: the first argument that is neither an option nor the value of a
// global option that takes one. Returns args.size() when there is none.
size_t CommandIndex(const std::vector<std::string>& args, const po::options_description& global) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 2 || arg[0] != '-') return i;
    if (arg.rfind("--", 0) != 0 || arg.find('=') != std::string::npos) continue;
    const po::option_description* option = global.find_nothrow(arg.substr(2), false);
    // min_tokens: --color takes its value only as --color=WHEN.
    if (option && option->semantic()->min_tokens() > 0) ++i;
  }
  return args.size();
}

// A shell-style single-quoted argument, so the journal shows the command as it could be typed.
std::string QuoteArgument(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Whether everything written to `out` reached it: a full disk, /dev/full or a closed pipe shows
// only when the buffer is flushed.
Status CheckOutput(std::ostream& out) {
  errno = 0;
  if (out.flush()) return Status::Ok();
  const int error = errno;
  return Status::IoError(
      fmt::format("cannot write the output: {}",
                  error ? std::strerror(error) : "a write failed (disk full or output closed?)"));
}

// Boost would read "-1.5" as the short option "-1": a negative number is a value, never an
// option (no option of plantrack starts with a digit).
std::vector<po::option> NegativeNumberAsValue(std::vector<std::string>& args) {
  if (args.empty() || !domain::LooksLikeNegativeNumber(args.front())) return {};
  po::option value;
  value.value.push_back(args.front());
  value.original_tokens.push_back(args.front());
  args.erase(args.begin());
  return {value};
}

Status BuildContext(const po::variables_map& vars, const Environment& env, Context& context) {
  context.db_path =
      vars.count("db") ? vars["db"].as<std::string>() : env.db.value_or("plantrack.db");
  if (context.db_path.empty()) return Status::Usage("--db needs a file path");
  context.today = env.today;
  context.as_of = env.today;
  if (vars.count("as-of")) {
    const std::string& text = vars["as-of"].as<std::string>();
    auto as_of = domain::ParseIsoDate(text);
    if (!as_of)
      return Status::BadData(fmt::format("--as-of {} is not a valid date (YYYY-MM-DD)", text));
    context.as_of = *as_of;
  }
  auto format = report::ParseFormat(vars["format"].as<std::string>());
  if (!format) {
    return Status::Usage(fmt::format("--format {} is not one of table, json, csv, md",
                                     vars["format"].as<std::string>()));
  }
  context.format = *format;
  const std::string& lang = vars["lang"].as<std::string>();
  if (lang != "en" && lang != "zh")
    return Status::Usage(fmt::format("--lang {} is not en or zh", lang));
  context.lang = lang == "zh" ? Lang::kZh : Lang::kEn;
  context.acting_unit = vars.count("as") ? std::optional(vars["as"].as<std::string>()) : env.unit;
  const std::string color = vars.count("color") ? vars["color"].as<std::string>() : "auto";
  if (color != "auto" && color != "always" && color != "never")
    return Status::Usage(fmt::format("--color {} is not auto, always or never", color));
  context.color = !vars.count("no-color") && color != "never" &&
                  (color == "always" || (env.terminal && !env.no_color));
  context.quiet = vars.count("quiet") > 0;
  // Only tables on a terminal are fitted: a pipe or a file gets every character.
  if (env.terminal && !vars.count("wide")) context.width = env.columns;
  context.now_utc = env.now_utc;
  return Status::Ok();
}

Status Dispatch(const std::vector<std::string>& args, const Environment& env, Context& context) {
  const po::options_description global = GlobalOptions();
  const size_t index = CommandIndex(args, global);
  // An unknown option before the command word would make its value look like the command.
  for (size_t i = 0; i < index && i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") continue;
    const std::string name = arg.substr(2, arg.find('=') - 2);
    if (!global.find_nothrow(name, false)) return UnknownOption(arg, global, "");
  }
  if (index == args.size() || args[index] == "help") {
    // `plantrack`, `plantrack --help`, `plantrack help [COMMAND]`.
    if (index + 1 < args.size()) {
      const CommandSpec* command = FindCommand(args[index + 1]);
      if (!command) return UnknownCommand(args[index + 1]);
      PrintCommandHelp(*command, context.out, AsksChinese(args));
      return Status::Ok();
    }
    if (Has(args, "--version") || Has(args, "-V")) return FindCommand("version")->run(context, {});
    const bool asked = index < args.size() || Has(args, "--help") || Has(args, "-h");
    PrintProgramHelp(asked ? context.out : context.err, AsksChinese(args));
    return asked ? Status::Ok() : Status::Usage("no command given");
  }
  const CommandSpec* command = FindCommand(args[index]);
  if (!command) return UnknownCommand(args[index]);

  po::options_description own;
  po::positional_options_description positional;
  command->Describe(own, positional);
  po::options_description all;
  all.add(global).add(own);
  std::vector<std::string> rest(args);
  rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(index));
  po::variables_map vars;
  try {
    po::store(po::command_line_parser(rest)
                  .options(all)
                  .positional(positional)
                  .extra_style_parser(NegativeNumberAsValue)
                  .run(),
              vars);
    if (vars.count("help")) {
      PrintCommandHelp(*command, context.out, AsksChinese(args));
      return Status::Ok();
    }
    if (vars.count("version")) return FindCommand("version")->run(context, vars);
    po::notify(vars);
  } catch (const po::unknown_option& e) {
    return UnknownOption(e.get_option_name(), all, command->name);
  } catch (const po::error& e) {
    return Status::Usage(
        fmt::format("{}: {} (see plantrack {} --help)", command->name, e.what(), command->name));
  }
  if (Status built = BuildContext(vars, env, context); !built.ok()) return built;
  context.command_line = "plantrack";
  for (const std::string& arg : args) {
    const bool plain = !arg.empty() && arg.find_first_of(" \t\n'\"\\") == std::string::npos;
    context.command_line += plain ? " " + arg : " " + QuoteArgument(arg);
  }

  context.open.verify_integrity = command->check_integrity;
  context.open.busy_timeout_ms = env.busy_timeout_ms;
  context.open.read_only = command->access == Access::kRead;
  if (command->access == Access::kNone || command->access == Access::kCreate) {
    return command->run(context, vars);
  }
  Result<store::Connection> connection = store::Connection::Open(context.db_path, context.open);
  if (!connection.ok()) return connection.status();
  context.db = &connection.value();
  if (command->access == Access::kWrite) {
    // What the command printed must have reached its reader before the change is committed.
    return connection->CommandTransaction([&] {
      Status status = command->run(context, vars);
      return status.ok() ? CheckOutput(context.out) : status;
    });
  }
  // A table for people on a terminal goes through the pager; it ends before any error is shown.
  std::unique_ptr<Pager> pager;
  if (env.terminal && context.format == report::Format::kTable && !vars.count("no-pager")) {
    pager = Pager::Start(env.pager, context.out);
  }
  return RunReading(*command, context, vars);
}

}  // namespace

po::options_description GlobalOptions() {
  po::options_description global("Global options");
  global.add_options()("db", po::value<std::string>()->value_name("PATH"),
                       "database file (default: $PLANTRACK_DB, else ./plantrack.db)")(
      "as-of", po::value<std::string>()->value_name("DATE"),
      "report as of this date, YYYY-MM-DD (default: today)")(
      "format", po::value<std::string>()->value_name("FMT")->default_value("table"),
      "output: table, json, csv or md")(
      "lang", po::value<std::string>()->value_name("LANG")->default_value("en"),
      "language of names, titles and tables: en or zh")(
      "as", po::value<std::string>()->value_name("UNIT"),
      "unit writing (default: $PLANTRACK_UNIT)")(
      "color", po::value<std::string>()->value_name("WHEN")->implicit_value("always"),
      "colour tables: auto (on a terminal, unless $NO_COLOR), always or never")(
      "no-color", "no colour, even on a terminal (as --color=never)")("quiet",
                                                                      "print nothing on success")(
      "wide", "tables as wide as their rows, even on a terminal (never shortened)")(
      "no-pager", "no pager for long tables on a terminal (default: $PAGER, else less -FRX)")(
      "help,h", "show help (for a command: plantrack COMMAND --help)")("version,V",
                                                                       "show the version");
  return global;
}

Environment EnvironmentFromProcess() {
  Environment env;
  if (const char* db = std::getenv("PLANTRACK_DB"); db && *db) env.db = db;
  if (const char* unit = std::getenv("PLANTRACK_UNIT"); unit && *unit) env.unit = unit;
  // https://no-color.org: only a set, non-empty NO_COLOR turns colour off.
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) env.no_color = true;
  if (const char* timeout = std::getenv("PLANTRACK_BUSY_TIMEOUT_MS"); timeout && *timeout) {
    if (auto ms = domain::ParseInteger(timeout); ms && *ms >= 0 && *ms <= 3'600'000) {
      env.busy_timeout_ms = static_cast<int>(*ms);
    }
  }
  env.terminal = isatty(STDOUT_FILENO) == 1;
  const char* pager = std::getenv("PAGER");
  env.pager = PagerCommand(pager ? std::optional<std::string>(pager) : std::nullopt);
  if (env.terminal) {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) env.columns = size.ws_col;
    if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
      if (auto n = domain::ParseInteger(columns); n && *n > 0 && *n < 10'000) {
        env.columns = static_cast<int>(*n);
      }
    }
  }
  // date::current_zone() ignores $TZ; localtime_r honours it.
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  env.today = domain::Date{date::year{local.tm_year + 1900},
                           date::month{static_cast<unsigned>(local.tm_mon + 1)},
                           date::day{static_cast<unsigned>(local.tm_mday)}};
  std::tm utc{};
  gmtime_r(&now, &utc);
  env.now_utc = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900,
                            utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return env;
}

int Run(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
        std::ostream& err) {
  Context context{out, err};
  Status status;
  try {
    status = Dispatch(args, env, context);
  } catch (...) {
    status = store::StatusFromCurrentException();
  }
  // A report's output is checked here; a writing command checked it before committing.
  if (status.ok() || status.code() == ExitCode::kFound) {
    if (Status written = CheckOutput(out); !written.ok()) status = written;
  }
  // Errors are worded once, at this edge: domain/ and store/ give them in English.
  if (!status.ok() && !status.message().empty()) {
    const bool zh = context.lang == Lang::kZh || AsksChinese(args);
    err << (zh ? "错误：" : "error: ") << report::Translate(zh, status.message()) << '\n';
  }
  return status.exit_code();
}

}  // namespace plantrack::cli
