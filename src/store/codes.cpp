#include "store/codes.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <set>
#include <vector>

#include "domain/suggest.h"
#include "domain/typed.h"

namespace plantrack::store {
namespace {

// Each kind's codes, and the other names that identify a row of it (units only).
struct CodeTable {
  std::string_view kind;
  const char* exact;      // :code -> 1 row when the code is stored as typed
  const char* all_names;  // code, then its other names (may be empty)
};

constexpr CodeTable kCodeTables[] = {
    {"area", "SELECT 1 FROM task_area WHERE code = :code",
     "SELECT code, '', '' FROM task_area ORDER BY code"},
    {"unit", "SELECT 1 FROM unit WHERE slug = :code",
     "SELECT slug, name_en, name_zh FROM unit ORDER BY slug"},
    {"action", "SELECT 1 FROM action WHERE code = :code",
     "SELECT code, '', '' FROM action ORDER BY code"},
    {"milestone", "SELECT 1 FROM milestone WHERE code = :code",
     "SELECT code, '', '' FROM milestone ORDER BY code"},
    {"indicator", "SELECT 1 FROM indicator WHERE code = :code",
     "SELECT code, '', '' FROM indicator ORDER BY code"},
};

std::string Joined(const std::set<std::string>& codes) {
  std::string joined;
  for (const std::string& code : codes) joined += (joined.empty() ? "" : ", ") + code;
  return joined;
}

}  // namespace

Result<std::string> ResolveCode(Connection& connection, std::string_view kind,
                                std::string_view typed) {
  for (const CodeTable& table : kCodeTables) {
    if (table.kind != kind) continue;
    const std::string text(typed);
    SQLite::Statement exact(connection.db(), table.exact);
    exact.bind(":code", text);
    if (exact.executeStep()) return text;

    // Not stored as typed: compare folded forms, codes first, then names.
    const std::string key = domain::FoldCode(typed);
    std::vector<std::string> codes;
    std::set<std::string> by_code, by_name;
    SQLite::Statement all(connection.db(), table.all_names);
    while (all.executeStep()) {
      codes.push_back(all.getColumn(0).getString());
      if (key.empty()) continue;
      if (domain::FoldCode(codes.back()) == key) by_code.insert(codes.back());
      for (int name = 1; name <= 2; ++name) {
        const std::string other = all.getColumn(name).getString();
        if (!other.empty() && domain::FoldCode(other) == key) by_name.insert(codes.back());
      }
    }
    const std::set<std::string>& found = by_code.empty() ? by_name : by_code;
    if (found.size() == 1) return *found.begin();
    if (found.size() > 1) {
      return Status::BadData(fmt::format("{} '{}' is ambiguous: it could be {} (give the {})", kind,
                                         text, Joined(found), kind == "unit" ? "slug" : "code"));
    }
    std::optional<std::string> near = domain::ClosestMatch(domain::NarrowWidth(typed), codes);
    return Status::BadData(
        near ? fmt::format("unknown {} '{}' (did you mean {}?)", kind, text, *near)
             : fmt::format("unknown {} '{}'", kind, text));
  }
  return Status::Internal(fmt::format("no code table for kind {}", kind));
}

std::optional<std::string> StoredCode(Connection& connection, std::string_view kind,
                                      std::string_view typed) {
  Result<std::string> code = ResolveCode(connection, kind, typed);
  if (!code.ok()) return std::nullopt;
  return std::move(*code);
}

Status RequireCode(Connection& connection, std::string_view kind, const std::string& code) {
  return ResolveCode(connection, kind, code).status();
}

}  // namespace plantrack::store
