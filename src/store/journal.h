#pragma once
// The journal: one row per writing command, written in the same transaction as the change so
// that the record of who changed what can never disagree with the data.

#include <cstdint>
#include <optional>
#include <string_view>

namespace SQLite {
class Database;
}

namespace plantrack::store {

// Appends a journal row and returns its id. `recorded_at` is 'YYYY-MM-DDTHH:MM:SSZ'.
int64_t AppendJournal(SQLite::Database& db, std::optional<int64_t> unit_id,
                      std::string_view recorded_at, std::string_view command,
                      std::string_view detail);

}  // namespace plantrack::store
