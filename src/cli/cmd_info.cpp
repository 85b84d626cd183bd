// `plantrack info`: where the database is, its schema version, and how much it holds.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/report_inputs.h"
#include "report/text_width.h"
#include "store/plan_queries.h"

namespace plantrack::cli {

Status RunInfo(Context& context, const po::variables_map&) {
  const int version = store::SchemaVersion(*context.db);
  const auto counts = store::CountRows(*context.db);
  switch (context.format) {
    case report::Format::kJson: {
      nlohmann::ordered_json info;
      info["path"] = context.db_path;
      info["schema_version"] = version;
      info["counts"] = nlohmann::ordered_json::object();
      for (const auto& [name, count] : counts) info["counts"][name] = count;
      context.out << info.dump(2) << '\n';
      return Status::Ok();
    }
    case report::Format::kCsv:
    case report::Format::kMarkdown:
    case report::Format::kTable: {
      report::Listing listing{{{"key", "item"}, {"value", "value"}}, {}};
      listing.rows.push_back({std::string("path"), context.db_path});
      listing.rows.push_back({std::string("schema_version"), int64_t{version}});
      for (const auto& [name, count] : counts) listing.rows.push_back({name, count});
      report::Render(listing, RenderOptionsOf(context), context.out);
      return Status::Ok();
    }
  }
  return Status::Ok();
}

extern const CommandSpec kInfoCommand{
    .name = "info",
    .usage = "",
    .summary = "database path, schema version and row counts",
    .summary_zh = "数据库路径、模式版本和各表行数",
    .access = Access::kRead,
    .check_integrity = true,
    .describe = nullptr,
    .run = RunInfo,
};

}  // namespace plantrack::cli
