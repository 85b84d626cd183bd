// Writing a packet (packet.h): the body streamed to a temporary file while it is hashed, then
// the header and its signature, then a rename into place.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "store/json_line.h"
#include "store/keys.h"
#include "store/packet.h"
#include "store/plan_export.h"
#include "store/record_codec.h"
#include "store/replica.h"

namespace plantrack::store {
namespace {

constexpr const char* kSubtree = R"sql(
  WITH RECURSIVE below (id) AS (
    SELECT :unit_id UNION ALL SELECT u.id FROM unit u JOIN below ON u.parent_id = below.id)
  SELECT id FROM below
)sql";
constexpr const char* kAcknowledged = "SELECT journal_id FROM acknowledged";

// The body's lines go to the file and into the body digest.
class BodyWriter {
 public:
  explicit BodyWriter(std::ofstream& out) : out_(out) {}
  void Line(std::string_view line) {
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.put('\n');
    body_.Add(line);
    body_.Add("\n");
  }
  domain::Hash Finish() { return body_.Finish(); }

 private:
  std::ofstream& out_;
  domain::Hasher body_;
};

int64_t WriteStructure(Connection& connection, BodyWriter& body) {
  int64_t rows = 0;
  std::string line;
  for (const KindSpec& spec : KindSpecs()) {
    if (spec.kind == RowKind::kIndicatorValues || spec.kind == RowKind::kProgress) continue;
    ExportRows(connection, spec.kind, [&](const std::vector<ExportValue>& values) {
      line.clear();
      JsonLine json(line);
      json.Text("s", spec.name);
      for (size_t i = 0; i < values.size(); ++i) json.Text(spec.columns[i].name, values[i].text);
      json.Close();
      body.Line(line);
      ++rows;
    });
  }
  for (const RegisteredKey& key : ListKeys(connection)) {
    line.clear();
    JsonLine json(line);
    json.Text("s", "keys");
    json.Text("unit", key.unit);
    json.Text("public_key", key.public_key);
    json.Text("added_at", key.added_at);
    json.Close();
    body.Line(line);
    ++rows;
  }
  return rows;
}

// Writes the records that wrote rows (a record of only structure changes has nothing to
// carry: the structure travels whole), each hashed as it passes.
class RecordPacker : public RecordVisitor {
 public:
  RecordPacker(BodyWriter& body, std::function<bool(const RecordInfo&)> wanted)
      : body_(body), wanted_(std::move(wanted)) {}

  void Begin(const RecordInfo& record) override {
    take_ = wanted_(record);
    header_ = record.header;
    rows_ = 0;
  }
  void Row(RowTable, std::string_view line) override {
    if (!take_) return;
    if (rows_++ == 0) {
      hasher_ = RecordHasher();
      hasher_.Line(header_);
      body_.Line(header_);
    }
    hasher_.Line(line);
    body_.Line(line);
  }
  void End() override {
    if (!take_ || rows_ == 0) return;
    const domain::Hash hash = hasher_.Finish();
    hashes_.append(reinterpret_cast<const char*>(hash.data()), hash.size());
    ++records_;
  }
  void Orphan(RowTable, int64_t, std::optional<int64_t>) override {}

  int64_t records() const { return records_; }
  const std::string& hashes() const { return hashes_; }

 private:
  BodyWriter& body_;
  std::function<bool(const RecordInfo&)> wanted_;
  bool take_ = false;
  std::string header_;
  int64_t rows_ = 0, records_ = 0;
  RecordHasher hasher_;
  std::string hashes_;
};

std::function<bool(const RecordInfo&)> SendFilter(Connection& connection, int64_t unit_id) {
  auto subtree = std::make_shared<std::unordered_set<int64_t>>();
  SQLite::Statement below(connection.db(), kSubtree);
  below.bind(":unit_id", unit_id);
  while (below.executeStep()) subtree->insert(below.getColumn(0).getInt64());
  auto acknowledged = std::make_shared<std::unordered_set<int64_t>>();
  SQLite::Statement acks(connection.db(), kAcknowledged);
  while (acks.executeStep()) acknowledged->insert(acks.getColumn(0).getInt64());
  return [subtree, acknowledged](const RecordInfo& record) {
    return !record.packet_id && record.unit_id && subtree->count(*record.unit_id) > 0 &&
           acknowledged->count(record.journal_id) == 0;
  };
}

}  // namespace

Result<PacketSummary> WritePacket(Connection& connection, const PacketRequest& request,
                                  const std::string& path) {
  const std::string temporary = path + ".tmp";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) return Status::CantCreate(fmt::format("cannot create packet {}", path));
  PacketSummary summary;
  BodyWriter body(out);
  body.Line(kPacketMagic);
  if (request.kind == "publish") summary.structure_rows = WriteStructure(connection, body);
  std::function<bool(const RecordInfo&)> wanted = [](const RecordInfo&) { return true; };
  if (request.kind == "send") wanted = SendFilter(connection, request.signer.id);
  RecordPacker packer(body, wanted);
  WalkRecords(connection, {}, packer);

  PacketHeader header;
  header.plan = request.plan;
  header.kind = request.kind;
  header.unit = request.signer.slug;
  header.public_key = domain::ToHex(request.key.public_key);
  header.structure_version = request.structure_version;
  header.created_at = request.created_at;
  header.records = packer.records();
  header.body_digest = domain::ToHex(body.Finish());
  header.records_digest = domain::ToHex(domain::HashOf(packer.hashes()));
  const std::string header_line = EncodeHeader(header);
  const std::string signature = domain::Sign(header_line, request.key.secret_key);
  out << header_line << '\n' << R"({"signature":")" << domain::ToHex(signature) << "\"}\n";
  out.flush();
  if (!out) {
    out.close();
    std::remove(temporary.c_str());
    return Status::IoError(fmt::format("cannot write packet {} (disk full?)", path));
  }
  out.close();
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::remove(temporary.c_str());
    return Status::CantCreate(fmt::format("cannot create packet {}: {}", path, error.message()));
  }
  summary.records = packer.records();
  summary.hash = domain::ToHex(domain::HashOf(header_line));
  return summary;
}

}  // namespace plantrack::store
