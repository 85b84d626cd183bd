// The table of row kinds is what import, export and packets read: each kind's export query must
// give its columns in order, its upsert must take exactly its columns, and names must lead back
// to their kind.

#include "store/row_kinds.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "store/plan_export.h"
#include "test_support.h"

using plantrack::store::CodeKind;
using plantrack::store::Column;
using plantrack::store::KindNamed;
using plantrack::store::KindSpec;
using plantrack::store::KindSpecs;
using plantrack::store::RowKind;
using plantrack::store::SpecOf;
using plantrack::testing::kOneActionPlan;
using plantrack::testing::MemoryStore;

TEST_CASE("row kinds: each name and each kind leads to the same entry", "[store]") {
  std::set<std::string_view> names;
  for (const KindSpec& spec : KindSpecs()) {
    INFO(spec.name);
    CHECK(names.insert(spec.name).second);
    CHECK(KindNamed(spec.name) == spec.kind);
    CHECK(&SpecOf(spec.kind) == &spec);
    CHECK(!spec.columns.empty());
  }
  CHECK(KindSpecs().size() == 10);
  CHECK(!KindNamed("unit"));  // the file is "units"
  CHECK(SpecOf(CodeKind::kUnit).name == "unit");
  CHECK(SpecOf(CodeKind::kUnit).code_word == "slug");
  CHECK(SpecOf(CodeKind::kArea).name == "area");
}

TEST_CASE("row kinds: the export query gives the kind's columns, parents before children",
          "[store]") {
  auto connection = MemoryStore(kOneActionPlan);
  for (const KindSpec& spec : KindSpecs()) {
    INFO(spec.name);
    SQLite::Statement query(connection.db(), spec.export_rows);
    CHECK(static_cast<size_t>(query.getColumnCount()) == spec.columns.size());
  }
  int rows = 0;
  plantrack::store::ExportRows(connection, RowKind::kActions,
                               [&](const std::vector<plantrack::store::ExportValue>& values) {
                                 CHECK(values[0].text == "T1.01");
                                 CHECK(values[1].text == "T1");  // the area by code, not id
                                 ++rows;
                               });
  CHECK(rows == 1);
}

TEST_CASE("row kinds: a structural kind's upsert takes exactly its columns", "[store]") {
  auto connection = MemoryStore();
  for (const KindSpec& spec : KindSpecs()) {
    INFO(spec.name);
    if (!spec.structural()) {
      CHECK(spec.existing_keys == nullptr);
      continue;
    }
    SQLite::Statement upsert(connection.db(), spec.upsert);
    // Each column is a parameter, and there are no others.
    CHECK(static_cast<size_t>(upsert.getBindParameterCount()) == spec.columns.size());
    for (const Column& column : spec.columns) {
      INFO(column.name);
      CHECK(upsert.getIndex((":" + std::string(column.name)).c_str()) > 0);
    }
    // A kind without a code of its own says how to list the keys it already holds.
    CHECK((spec.registers.has_value() || spec.existing_keys != nullptr));
    if (spec.key_columns > 1) CHECK(!spec.registers);
  }
}
