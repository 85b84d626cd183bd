// The office round trip: `publish` (the master's plan and records, signed), `send` (a
// replica's own unacknowledged records, signed) and `receive` (verify, then merge: applied,
// present, or kept as a conflict). The key comes from --key or $PLANTRACK_KEY.

#include <fmt/format.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/writer.h"
#include "store/key_file.h"
#include "store/keys.h"
#include "store/packet.h"
#include "store/packet_receive.h"
#include "store/replica.h"

namespace plantrack::cli {
namespace {

// The signing key, checked to be registered for `signer`.
Result<domain::KeyPair> SigningKey(Context& context, const po::variables_map& args,
                                   const store::UnitRef& signer) {
  std::string path;
  if (args.count("key")) {
    path = args["key"].as<std::string>();
  } else if (const char* env = std::getenv("PLANTRACK_KEY"); env && *env) {
    path = env;
  } else {
    return Status::Usage("which key signs? give --key FILE or set PLANTRACK_KEY");
  }
  Result<domain::KeyPair> key = store::ReadKeyFile(path);
  if (!key.ok()) return key.status();
  const std::string public_key = domain::ToHex(key->public_key);
  auto holder = store::UnitOfKey(*context.db, public_key);
  if (!holder || holder->id != signer.id) {
    return Status::BadData(fmt::format(
        "key {} is not registered for {}{}: the coordinator registers it on the master with "
        "`plantrack key add {} {}`",
        public_key, signer.slug, holder ? " (it is " + holder->slug + "'s)" : "", signer.slug,
        public_key));
  }
  return key;
}

Status WritePacketCommand(Context& context, const po::variables_map& args, const char* kind) {
  Result<store::UnitRef> writer = Writer(context);
  if (!writer.ok()) return writer.status();
  const auto replica = store::LoadReplica(*context.db);
  int64_t version = 0;
  if (std::string_view(kind) == "publish") {
    if (Status master = RequireCoordinator(context, *writer, "publish"); !master.ok())
      return master;
    version = store::NextStructureVersion(*context.db);
  } else {
    if (!replica) {
      return Status::BadData(
          "this file is the master (no `init --from`): it publishes, replicas send");
    }
    if (writer->id != replica->unit.id) {
      return Status::BadData(
          fmt::format("this replica belongs to {}, not {}", replica->unit.slug, writer->slug));
    }
    version = replica->structure_version;
  }
  Result<domain::KeyPair> key = SigningKey(context, args, *writer);
  if (!key.ok()) return key.status();
  const std::string out = args["out"].as<std::string>();
  context.db->AppendJournal(JournalFor(context, *writer, kind, fmt::format("{} to {}", kind, out)));
  Result<store::PacketSummary> written = store::WritePacket(
      *context.db,
      {kind, *writer, key.value(), store::PlanCode(*context.db), version, context.now_utc}, out);
  if (!written.ok()) return written.status();
  Report(context,
         fmt::format(
             "{} {}: {} records{} signed by {} (packet {})",
             std::string_view(kind) == "publish" ? "published" : "sent", out, written->records,
             written->structure_rows
                 ? fmt::format(", structure version {} ({} rows)", version, written->structure_rows)
                 : "",
             writer->slug, written->hash.substr(0, 12)),
         {{"packet", out},
          {"hash", written->hash},
          {"kind", kind},
          {"unit", writer->slug},
          {"records", written->records},
          {"structure_version", version}});
  return Status::Ok();
}

// Receives one packet; `summary` gets its line.
Status ReceiveOne(Context& context, const std::string& path, nlohmann::ordered_json& json,
                  std::string& summary) {
  Result<store::PacketReader> packet = store::PacketReader::Open(path);
  if (!packet.ok()) return packet.status();
  const store::PacketHeader& header = packet->header();
  if (store::PacketReceived(*context.db, packet->hash())) {
    summary = fmt::format("{} was received before (packet {}): nothing to do", path,
                          packet->hash().substr(0, 12));
    json.push_back({{"packet", path}, {"hash", packet->hash()}, {"already_received", true}});
    return Status::Ok();
  }
  const std::string plan = store::PlanCode(*context.db);
  if (header.plan != plan) {
    return Status::BadData(
        fmt::format("packet {} is for plan {}, this file holds plan {}", path, header.plan, plan));
  }
  auto signer = store::UnitOfKey(*context.db, header.public_key);
  if (!signer || signer->slug != header.unit) {
    return Status::BadData(
        fmt::format("packet {} is refused: its key {} is not registered for {} in this plan", path,
                    header.public_key, header.unit));
  }
  auto replica = store::LoadReplica(*context.db);
  if (header.kind == "publish") {
    if (!replica)
      return Status::BadData(
          fmt::format("packet {} is a published plan: only a "
                      "replica receives it (this is the master)",
                      path));
    if (!signer->coordinator) {
      return Status::BadData(
          fmt::format("packet {} is refused: {} is not a coordinator", path, signer->slug));
    }
    if (header.structure_version <= replica->structure_version) {
      return Status::BadData(fmt::format(
          "packet {} is refused: it carries structure version {}, this replica holds {} "
          "(an older packet, replayed?)",
          path, header.structure_version, replica->structure_version));
    }
  } else if (replica) {
    return Status::BadData(fmt::format(
        "packet {} was sent by {} to the master; a replica receives only published packets", path,
        header.unit));
  }
  Result<store::ReceiveCounts> counts = store::ReceivePacket(
      *context.db, *packet,
      {*signer, header.kind == "publish", context.now_utc, domain::FormatIsoDate(context.today)});
  if (!counts.ok()) return counts.status();
  if (replica && header.kind == "publish") {
    replica->structure_version = header.structure_version;
    store::SaveReplica(*context.db, *replica);
  }
  const std::string detail =
      fmt::format("packet {} from {}: {} applied, {} present, {} conflicts", packet->hash(),
                  header.unit, counts->applied, counts->present, counts->conflicts);
  store::JournalEntry entry;
  if (context.acting_unit || replica) {
    if (Result<store::UnitRef> writer = Writer(context); writer.ok()) entry.unit_id = writer->id;
  }
  entry.recorded_at = context.now_utc;
  entry.command = context.command_line;
  entry.detail = detail;
  entry.kind = "receive";
  context.db->AppendJournal(entry);
  summary = fmt::format(
      "received {} from {} (packet {}): {} applied, {} already here, {} kept as "
      "conflicts{}",
      path, header.unit, packet->hash().substr(0, 12), counts->applied, counts->present,
      counts->conflicts,
      counts->acknowledged ? fmt::format(", {} of ours acknowledged", counts->acknowledged) : "");
  json.push_back({{"packet", path},
                  {"hash", packet->hash()},
                  {"from", header.unit},
                  {"kind", header.kind},
                  {"applied", counts->applied},
                  {"present", counts->present},
                  {"conflicts", counts->conflicts},
                  {"acknowledged", counts->acknowledged}});
  return Status::Ok();
}

}  // namespace

void DescribePacketOut(po::options_description& options, po::positional_options_description&) {
  options.add_options()("out", po::value<std::string>()->value_name("FILE")->required(),
                        "the packet file to write")("key",
                                                    po::value<std::string>()->value_name("FILE"),
                                                    "private key file (default: $PLANTRACK_KEY)");
}

Status RunPublish(Context& context, const po::variables_map& args) {
  return WritePacketCommand(context, args, "publish");
}

Status RunSend(Context& context, const po::variables_map& args) {
  return WritePacketCommand(context, args, "send");
}

void DescribeReceive(po::options_description& options,
                     po::positional_options_description& positional) {
  options.add_options()("packets",
                        po::value<std::vector<std::string>>()->value_name("PACKET")->required(),
                        "packet files, received in the order given");
  positional.add("packets", -1);
}

Status RunReceive(Context& context, const po::variables_map& args) {
  // Received records land all over the journal's uid index and the log's indexes.
  store::UseLargeCache(*context.db);
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  std::string lines;
  for (const std::string& path : args["packets"].as<std::vector<std::string>>()) {
    std::string summary;
    if (Status received = ReceiveOne(context, path, json, summary); !received.ok()) return received;
    lines += (lines.empty() ? "" : "\n") + summary;
  }
  Report(context, lines, json);
  return Status::Ok();
}

extern const CommandSpec kPublishCommand{
    .name = "publish",
    .usage = "--out FILE [--key FILE]",
    .summary = "write the plan and every record as a signed packet for the replicas (master)",
    .summary_zh = "将规划和全部记录写成签名数据包，供各副本接收（主库）",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribePacketOut,
    .run = RunPublish,
};
extern const CommandSpec kSendCommand{
    .name = "send",
    .usage = "--out FILE [--key FILE]",
    .summary = "write this replica's records the master has not acknowledged as a signed packet",
    .summary_zh = "将主库尚未确认的本副本记录写成签名数据包",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribePacketOut,
    .run = RunSend,
};
extern const CommandSpec kReceiveCommand{
    .name = "receive",
    .usage = "PACKET...",
    .summary =
        "verify packets and merge their records (applied, already here, or kept as conflicts)",
    .summary_zh = "校验数据包并合并其中的记录（已应用、已存在或作为冲突保留）",
    .access = Access::kWrite,
    .check_integrity = false,
    .describe = DescribeReceive,
    .run = RunReceive,
};

}  // namespace plantrack::cli
