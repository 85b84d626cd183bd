#pragma once
// Text files compiled into the binary by cmake/embed.cmake: the schema migrations and the
// default CZT data set, so that an installed plantrack needs no files beside it.

#include <span>
#include <string_view>

namespace plantrack::store {

struct EmbeddedFile {
  std::string_view name;  // file name without folder, e.g. "0001_init.sql"
  std::string_view text;
};

std::span<const EmbeddedFile> SchemaFiles();      // schema/*.sql, sorted by name
std::span<const EmbeddedFile> CztFixtureFiles();  // fixtures/czt/*.csv, sorted by name

}  // namespace plantrack::store
