#pragma once
// The reporting sheet of `plantrack template`: one row per action a unit leads or supports,
// what was last reported, and empty columns for the office to fill in a spreadsheet. On import,
// a filled row becomes a progress entry (checked by the write path's rules like any other);
// a row left empty is skipped.

#include <optional>
#include <string>
#include <vector>

#include "domain/status.h"

namespace plantrack::store {

// The sheet's columns, in the order `template` writes them. The last four are to be filled.
const std::vector<std::string>& SheetColumns();

// Whether `header` is a sheet's (the same columns, in any order).
bool IsSheetHeader(const std::vector<std::string>& header);

// What an empty cell of a filled row means.
struct SheetDefaults {
  std::string today;        // an empty date: the row's period's last day, or today if earlier
  std::string recorded_at;  // when the import runs
};

// A sheet row (fields in SheetColumns order) as the fields of a progress row, in the order of
// the importer's progress columns: action, unit, logged_on, recorded_at, percent, status, note,
// source. Nothing for a row whose columns to fill are all empty; kBadData (without the
// FILE:LINE, which the caller adds) for a row filled in part without a percent.
Result<std::optional<std::vector<std::string>>> SheetRowToProgress(
    const std::vector<std::string>& fields, const SheetDefaults& defaults);

}  // namespace plantrack::store
