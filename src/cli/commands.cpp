// The table of commands, one line each, in the order `plantrack help` lists them. A command is
// declared by its spec at the end of its own cmd_*.cpp (CMake picks the file up by its name);
// adding one is that file plus its line here.

#include "cli/commands.h"

// X(spec) for every command.
#define PLANTRACK_COMMANDS(X) \
  X(kInitCommand)             \
  X(kInfoCommand)             \
  X(kAreasCommand)            \
  X(kUnitsCommand)            \
  X(kActionsCommand)          \
  X(kMilestonesCommand)       \
  X(kStatusCommand)           \
  X(kOverdueCommand)          \
  X(kIndicatorsCommand)       \
  X(kEvaluateCommand)         \
  X(kTrendCommand)            \
  X(kAuditCommand)            \
  X(kLogCommand)              \
  X(kDoneCommand)             \
  X(kMeasureCommand)          \
  X(kRetractCommand)          \
  X(kUndoCommand)             \
  X(kMineCommand)             \
  X(kHistoryCommand)          \
  X(kAddCommand)              \
  X(kAssignCommand)           \
  X(kUnassignCommand)         \
  X(kSubmitCommand)           \
  X(kApproveCommand)          \
  X(kReopenCommand)           \
  X(kApprovalsCommand)        \
  X(kImportCommand)           \
  X(kTemplateCommand)         \
  X(kExportCommand)           \
  X(kReportCommand)           \
  X(kKeyCommand)              \
  X(kPublishCommand)          \
  X(kSendCommand)             \
  X(kReceiveCommand)          \
  X(kConflictsCommand)        \
  X(kVerifyCommand)           \
  X(kVersionCommand)          \
  X(kCompletionCommand)

namespace plantrack::cli {

#define PLANTRACK_DECLARE(spec) extern const CommandSpec spec;
PLANTRACK_COMMANDS(PLANTRACK_DECLARE)
#undef PLANTRACK_DECLARE

std::span<const CommandSpec* const> Commands() {
#define PLANTRACK_ADDRESS(spec) &spec,
  static const CommandSpec* const kCommands[] = {PLANTRACK_COMMANDS(PLANTRACK_ADDRESS)};
#undef PLANTRACK_ADDRESS
  return kCommands;
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const CommandSpec* command : Commands()) names.emplace_back(command->name);
  return names;
}

const CommandSpec* FindCommand(std::string_view name) {
  for (const CommandSpec* command : Commands()) {
    if (command->name == name) return command;
  }
  return nullptr;
}

bool IsGlobalOption(const std::string& name) {
  return GlobalOptions().find_nothrow(name, false) != nullptr;
}

}  // namespace plantrack::cli
