// `plantrack verify [--head N:HASH]`: recomputes the record's chain and its coverage and names
// the first record that does not match (store/record_check.h says what is proved). Exit 0 when
// the record is intact, 1 when a record does not match, 69 for a file that is not plantrack's.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "store/record_check.h"

namespace plantrack::cli {
namespace {

using Json = nlohmann::ordered_json;

Json BreakJson(const store::RecordBreak& at) {
  auto text_or_null = [](const std::string& text) { return text.empty() ? Json() : Json(text); };
  return {{"journal_id", at.journal_id ? Json(*at.journal_id) : Json()},
          {"uid", text_or_null(at.uid)},
          {"kind", text_or_null(at.kind)},
          {"recorded_at", text_or_null(at.recorded_at)},
          {"reason", at.reason}};
}

}  // namespace

void DescribeVerify(po::options_description& options, po::positional_options_description&) {
  options.add_options()("head", po::value<std::string>()->value_name("N:HASH"),
                        "also prove that the first N records still chain to HASH, a head kept "
                        "from an earlier report (its 12 printed digits or all 64)");
}

Status RunVerify(Context& context, const po::variables_map& args) {
  store::CheckOptions options;
  if (args.count("head")) {
    const std::string& text = args["head"].as<std::string>();
    options.claim = store::ParseHeadClaim(text);
    if (!options.claim) {
      return Status::Usage(fmt::format(
          "--head {} is not N:HASH (a count above 0, then at least 12 hex digits of a head)",
          text));
    }
  }
  // verify prints the record it recomputed, not the footer of the seals it doubts.
  context.record_shown = true;
  const store::RecordCheck check = store::CheckRecords(*context.db, options);
  if (context.format == report::Format::kJson) {
    Json json{{"intact", check.ok()}};
    if (check.ok()) {
      json["record"] = {{"count", check.head.count}, {"head", check.head.head}};
    } else {
      json["break"] = BreakJson(*check.first_break);
    }
    context.out << json.dump(2) << '\n';
  } else if (check.ok()) {
    context.out << context.Say(
        fmt::format("{} records, head {}\n", check.head.count, check.head.head));
    if (options.claim) {
      context.out << context.Say(fmt::format("the first {} records still chain to {}\n",
                                             options.claim->count, options.claim->head));
    }
  } else {
    context.out << context.Say(fmt::format("record does not match: {}: {}\n",
                                           store::DescribeRecord(*check.first_break),
                                           check.first_break->reason));
  }
  return check.ok() ? Status::Ok() : Status::Found();
}

extern const CommandSpec kVerifyCommand{
    .name = "verify",
    .usage = "[--head N:HASH]",
    .summary = "recompute the record's chain and name the first record that does not match",
    .summary_zh = "重新计算记录链，指出第一条不匹配的记录",
    .access = Access::kRead,
    .check_integrity = true,
    .describe = DescribeVerify,
    .run = RunVerify,
};

}  // namespace plantrack::cli
