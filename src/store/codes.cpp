#include "store/codes.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <set>
#include <vector>

#include "domain/suggest.h"
#include "domain/typed.h"

namespace plantrack::store {
namespace {

std::string Joined(const std::set<std::string>& codes) {
  std::string joined;
  for (const std::string& code : codes) joined += (joined.empty() ? "" : ", ") + code;
  return joined;
}

}  // namespace

Result<std::string> ResolveCode(Connection& connection, CodeKind kind, std::string_view typed) {
  const CodeSpec& table = SpecOf(kind);
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
    return Status::BadData(fmt::format("{} '{}' is ambiguous: it could be {} (give the {})",
                                       table.name, text, Joined(found), table.code_word));
  }
  std::optional<std::string> near = domain::ClosestMatch(domain::NarrowWidth(typed), codes);
  return Status::BadData(
      near ? fmt::format("unknown {} '{}' (did you mean {}?)", table.name, text, *near)
           : fmt::format("unknown {} '{}'", table.name, text));
}

std::optional<std::string> StoredCode(Connection& connection, CodeKind kind,
                                      std::string_view typed) {
  Result<std::string> code = ResolveCode(connection, kind, typed);
  if (!code.ok()) return std::nullopt;
  return std::move(*code);
}

Status RequireCode(Connection& connection, CodeKind kind, const std::string& code) {
  return ResolveCode(connection, kind, code).status();
}

}  // namespace plantrack::store
