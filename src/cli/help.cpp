#include "cli/help.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.h"

namespace plantrack::cli {
namespace {

std::string_view SummaryOf(const CommandSpec& command, bool zh) {
  return zh && !command.summary_zh.empty() ? command.summary_zh : command.summary;
}

// The options under a heading. English is Boost's own layout, wrapped at 80 columns; Chinese is
// laid out here, one line per option, because Boost wraps by bytes and would cut a character in
// two. The names column is ASCII either way, so padding by bytes aligns it.
void PrintOptions(std::ostream& out, const po::options_description& options,
                  const std::string& heading_zh, bool zh) {
  if (!zh) {
    out << options;
    return;
  }
  std::vector<std::pair<std::string, std::string>> rows;
  size_t width = 0;
  for (const auto& option : options.options()) {
    std::string name = option->format_name();
    if (const std::string parameter = option->format_parameter(); !parameter.empty()) {
      name += " " + parameter;
    }
    width = std::max(width, name.size());
    rows.emplace_back(std::move(name), report::Translate(true, option->description()));
  }
  out << heading_zh << "：\n";
  for (const auto& [name, description] : rows) {
    out << fmt::format("  {:<{}}  {}\n", name, width, description);
  }
}

}  // namespace

bool AsksChinese(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang=zh" ||
        (args[i] == "--lang" && i + 1 < args.size() && args[i + 1] == "zh"))
      return true;
  }
  return false;
}

void PrintProgramHelp(std::ostream& out, bool zh) {
  out << report::Phrase(zh, "usage: plantrack [GLOBAL OPTIONS] COMMAND [ARGS...]",
                        "用法：plantrack [全局选项] 命令 [参数...]")
      << "\n\n"
      << report::Phrase(
             zh, "Tracks how the Changsha-Zhuzhou-Xiangtan metropolitan area plan is carried out.",
             "跟踪长株潭都市圈发展规划的实施情况。")
      << "\n\n"
      << report::Phrase(zh, "Commands:", "命令：") << '\n';
  size_t width = 0;
  for (const CommandSpec* command : Commands()) width = std::max(width, command->name.size());
  for (const CommandSpec* command : Commands()) {
    out << fmt::format("  {:<{}}  {}\n", command->name, width, SummaryOf(*command, zh));
  }
  out << '\n';
  PrintOptions(out, GlobalOptions(), "全局选项", zh);
  out << '\n'
      << report::Phrase(zh, "Run `plantrack COMMAND --help` for a command's options.",
                        "运行 `plantrack 命令 --help` 查看某个命令的选项。")
      << '\n';
}

void PrintCommandHelp(const CommandSpec& command, std::ostream& out, bool zh) {
  po::options_description options(fmt::format("Options of {}", command.name));
  po::positional_options_description positional;
  command.Describe(options, positional);
  out << report::Phrase(zh, "usage: plantrack {} {}", "用法：plantrack {} {}", command.name,
                        command.usage)
      << "\n\n"
      << SummaryOf(command, zh) << "\n\n";
  if (!options.options().empty()) {
    PrintOptions(out, options, fmt::format("{} 的选项", command.name), zh);
    out << '\n';
  }
  PrintOptions(out, GlobalOptions(), "全局选项", zh);
}

}  // namespace plantrack::cli
