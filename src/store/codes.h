#pragma once
// Codes as people type them, resolved against the file: `t3.07`, `Ｔ３.０７` and `T3.07` name the
// same action; a unit is named by its slug, its English name or its Chinese name
// (`株洲市（市区）`). The one place every command's codes go through (FindUnit, FindAction,
// FindMilestone, FindIndicatorId and the filters call it), so all accept the same spellings.
// Only an unambiguous match is taken: two candidates are an error that names both.

#include <optional>
#include <string>
#include <string_view>

#include "domain/status.h"
#include "store/connection.h"
#include "store/row_kinds.h"  // CodeKind

namespace plantrack::store {

// The stored code of `kind` that `typed` names: the exact code, else the one code (or, for
// units, the one unit's name) equal to it after domain::FoldCode. kBadData naming the value
// (and the closest known code) otherwise. The kinds and their names are in store/row_kinds.h.
Result<std::string> ResolveCode(Connection& connection, CodeKind kind, std::string_view typed);

// ResolveCode's code, or nothing when `typed` names none (or more than one).
std::optional<std::string> StoredCode(Connection& connection, CodeKind kind,
                                      std::string_view typed);

// ResolveCode's verdict without the code.
Status RequireCode(Connection& connection, CodeKind kind, const std::string& code);

}  // namespace plantrack::store
