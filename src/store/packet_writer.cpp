// Writing a packet (packet.h): the body streamed to a temporary file while it is hashed, then
// the header and its signature, then a rename into place.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/json_line.h"
#include "store/keys.h"
#include "store/packet.h"
#include "store/plan_export.h"
#include "store/record_codec.h"
#include "store/replica.h"

namespace plantrack::store {
namespace {

// What a replica sends: records written here (not received), by its unit or a unit below it,
// that no published packet has acknowledged. Records written here are found through the
// journal's packet index (packet_id IS NULL), so sending costs the replica's own records, not
// the whole province it received.
constexpr const char* kUnsent = R"sql(
  WITH RECURSIVE below (id) AS (
    SELECT :unit_id UNION ALL SELECT u.id FROM unit u JOIN below ON u.parent_id = below.id)
  SELECT j.id FROM journal j INDEXED BY journal_by_packet
   WHERE j.packet_id IS NULL AND j.unit_id IN below
     AND NOT EXISTS (SELECT 1 FROM acknowledged a WHERE a.journal_id = j.id)
)sql";

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
  explicit RecordPacker(BodyWriter& body) : body_(body) {}

  void Begin(const RecordInfo& record) override {
    header_ = record.header;
    rows_ = 0;
  }
  void Row(RowTable, std::string_view line) override {
    if (rows_++ == 0) {
      hasher_ = RecordHasher();
      hasher_.Line(header_);
      body_.Line(header_);
    }
    hasher_.Line(line);
    body_.Line(line);
  }
  void End() override {
    if (rows_ == 0) return;
    const domain::Hash hash = hasher_.Finish();
    hashes_.append(reinterpret_cast<const char*>(hash.data()), hash.size());
    ++records_;
  }
  void Orphan(RowTable, int64_t, std::optional<int64_t>) override {}

  int64_t records() const { return records_; }
  const std::string& hashes() const { return hashes_; }

 private:
  BodyWriter& body_;
  std::string header_;
  int64_t rows_ = 0, records_ = 0;
  RecordHasher hasher_;
  std::string hashes_;
};

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
  RecordPacker packer(body);
  WalkOptions walk;
  if (request.kind == "send") {
    walk.selection = kUnsent;
    walk.selection_unit = request.signer.id;
  }
  WalkRecords(connection, walk, packer);

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
