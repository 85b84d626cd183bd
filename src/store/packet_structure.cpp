// Receiving the plan's structure a published packet carries ahead of its records: the master's
// units, areas, actions, milestones, responsibilities and keys, replacing this replica's
// (packet_receive.h).

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "store/receiver.h"

namespace plantrack::store {
namespace {

constexpr const char* kResponsibilities = R"sql(
  SELECT r.id, a.code, u.slug FROM responsibility r
    JOIN action a ON a.id = r.action_id JOIN unit u ON u.id = r.unit_id
)sql";
constexpr const char* kDropResponsibility = "DELETE FROM responsibility WHERE id = :id";
constexpr const char* kInsertKey = R"sql(
  INSERT OR IGNORE INTO unit_key (unit_id, public_key, added_at)
  SELECT id, :key, :added_at FROM unit WHERE slug = :unit
)sql";

}  // namespace

Status Receiver::Structure(const FlatLine& row, int64_t number) {
  if (packet_->header().kind != "publish") {
    return Refuse(number, "only the master's published packets carry the plan's structure");
  }
  if (structure_done_) return Refuse(number, "structure after the records");
  if (!row.IsText("s")) return Refuse(number, "a structure row without its kind");
  const std::string kind(row.Text("s"));
  ++counts_.structure_rows;
  if (kind == "keys") {
    SQLite::Statement insert(connection_.db(), kInsertKey);
    insert.bind(":key", std::string(row.TextOr("public_key", "")));
    insert.bind(":added_at", std::string(row.TextOr("added_at", "")));
    insert.bind(":unit", std::string(row.TextOr("unit", "")));
    insert.exec();
    return Status::Ok();
  }
  auto row_kind = KindNamed(kind);
  if (!row_kind) return Refuse(number, fmt::format("unknown structure kind '{}'", kind));
  ImportRow import_row{packet_->path(), static_cast<int>(number), {}};
  for (const Column& column : SpecOf(*row_kind).columns) {
    if (!row.IsText(column.name)) {
      return Refuse(number, fmt::format("{} row without its {}", kind, column.name));
    }
    import_row.fields.emplace_back(row.Text(column.name));
  }
  if (*row_kind == RowKind::kResponsibilities) {
    responsibilities_.emplace(import_row.fields[0], import_row.fields[1]);
  }
  if (!structure_) {
    structure_.emplace(connection_,
                       Importer::Options{std::nullopt, policy_.now_utc, policy_.today, 0});
  }
  structure_->Add(*row_kind, import_row);
  return Status::Ok();
}

Status Receiver::FinishStructure() {
  if (structure_done_ || !structure_) {
    structure_done_ = structure_done_ || record_.has_value();
    return Status::Ok();
  }
  structure_done_ = true;
  structure_->Finish();
  if (!structure_->errors().empty()) {
    return Status::BadData(
        fmt::format("packet {} is refused: {}", packet_->path(), structure_->errors().front()));
  }
  // The structure travels whole: a responsibility the master removed goes here too.
  SQLite::Statement current(connection_.db(), kResponsibilities);
  std::vector<int64_t> removed;
  while (current.executeStep()) {
    if (!responsibilities_.count(
            {current.getColumn(1).getString(), current.getColumn(2).getString()}))
      removed.push_back(current.getColumn(0).getInt64());
  }
  SQLite::Statement drop(connection_.db(), kDropResponsibility);
  for (int64_t id : removed) {
    drop.reset();
    drop.bind(":id", id);
    drop.exec();
  }
  units_.clear();
  codes_.clear();
  vouched_.clear();
  const PlanDates plan = LoadPlanDates(connection_);
  issued_on_ = domain::ParseIsoDate(plan.issued_on).value();
  far_horizon_ = domain::ParseIsoDate(plan.far_horizon).value();
  return Status::Ok();
}

}  // namespace plantrack::store
