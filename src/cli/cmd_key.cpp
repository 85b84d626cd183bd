// `plantrack key new|add|list`: the Ed25519 keys that sign packets. `new` needs no database (an
// office makes its key before it has a replica); `add` registers a unit's public key in the
// plan (coordinators, on the master); `list` shows them.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/record_footer.h"
#include "cli/report_inputs.h"
#include "cli/writer.h"
#include "store/key_file.h"
#include "store/keys.h"

namespace plantrack::cli {
namespace {

Status KeyNew(Context& context, const po::variables_map& args) {
  if (!args.count("out")) return Status::Usage("key new needs --out FILE for the private key");
  const std::string path = args["out"].as<std::string>();
  const domain::KeyPair pair = domain::NewKeyPair();
  if (path == "-") {
    // The private key is the output asked for; the public key, for the coordinator, on stderr.
    context.out << store::KeyFileText(pair);
    context.err << context.Say(fmt::format("public key {}\n", domain::ToHex(pair.public_key)));
    return Status::Ok();
  }
  if (Status written = store::WriteKeyFile(path, pair); !written.ok()) return written;
  const std::string public_key = domain::ToHex(pair.public_key);
  // The public key alone on stdout, so `$(plantrack key new --out k)` is the key; the advice
  // goes to stderr.
  if (context.format == report::Format::kJson) {
    Report(context, public_key, {{"public_key", public_key}, {"key_file", path}});
  } else {
    context.out << public_key << '\n';  // the command's data: printed even with --quiet
  }
  if (!context.quiet) {
    context.err << context.Say(fmt::format(
        "private key written to {} (readable by you only); the coordinator registers the public "
        "key on the master: plantrack key add UNIT {}\n",
        path, public_key));
  }
  return Status::Ok();
}

Status KeyAdd(Context& context, const po::variables_map& args) {
  const auto& words = args["words"].as<std::vector<std::string>>();
  if (words.size() != 3) return Status::Usage("usage: plantrack key add UNIT PUBLIC_KEY");
  const std::string& public_key = words[2];
  auto bytes = domain::FromHex(public_key);
  if (!bytes || bytes->size() != 32) {
    return Status::BadData(fmt::format(
        "public key {} is not 64 hex digits (as `plantrack key new` prints it)", public_key));
  }
  return WithDatabase(context, true, [&]() -> Status {
    Result<store::UnitRef> writer = Writer(context);
    if (!writer.ok()) return writer.status();
    if (Status master = RequireCoordinator(context, *writer, "register keys"); !master.ok()) {
      return master;
    }
    auto unit = store::FindUnit(*context.db, words[1]);
    if (!unit) return store::RequireCode(*context.db, store::CodeKind::kUnit, words[1]);
    if (Status added = store::RegisterKey(*context.db, *unit, public_key, context.now_utc);
        !added.ok()) {
      return added;
    }
    context.db->AppendJournal(
        JournalFor(context, *writer, "key-add",
                   fmt::format("key {} registered for {}", public_key, unit->slug)));
    Report(context, fmt::format("registered key {} for {}", public_key, unit->slug),
           {{"unit", unit->slug}, {"public_key", public_key}});
    return Status::Ok();
  });
}

Status PrintKeys(Context& context) {
  report::Listing listing{{{"unit", "unit"}, {"public_key", "public key"}, {"added_at", "added"}},
                          {}};
  for (const store::RegisteredKey& key : store::ListKeys(*context.db)) {
    listing.rows.push_back({key.unit, key.public_key, key.added_at});
  }
  report::Render(listing, RenderOptionsOf(context), context.out);
  return Status::Ok();
}

// A reading form: it ends with the record's count and head like the other listings.
Status KeyList(Context& context) {
  return WithDatabase(context, false, [&] {
    return WithRecordFooter(context, [&] { return PrintKeys(context); });
  });
}

}  // namespace

void DescribeKey(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()("words", po::value<std::vector<std::string>>()->value_name("ARGS"),
                        "new | add UNIT PUBLIC_KEY | list")(
      "out", po::value<std::string>()->value_name("FILE"),
      "key new: where to write the private key (created with mode 0600, never overwritten), or "
      "- for stdout");
  positional.add("words", -1);
}

Status RunKey(Context& context, const po::variables_map& args) {
  const auto words = args.count("words") ? args["words"].as<std::vector<std::string>>()
                                         : std::vector<std::string>{};
  const std::string what = words.empty() ? "" : words[0];
  if (what == "new" && words.size() == 1) return KeyNew(context, args);
  if (what == "add") return KeyAdd(context, args);
  if (what == "list" && words.size() == 1) return KeyList(context);
  return Status::Usage("usage: plantrack key new --out FILE | key add UNIT PUBLIC_KEY | key list");
}

extern const CommandSpec kKeyCommand{
    .name = "key",
    .usage = "new --out FILE | add UNIT PUBLIC_KEY | list",
    .summary = "make a signing key, register a unit's public key (coordinators), list the keys",
    .summary_zh = "生成签名密钥、登记单位公钥（协调单位）、列出密钥",
    .access = Access::kNone,
    .check_integrity = false,
    .describe = DescribeKey,
    .run = RunKey,
};

}  // namespace plantrack::cli
