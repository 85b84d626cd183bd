#include "store/sheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "domain/civil_date.h"

namespace plantrack::store {
namespace {

enum Column : size_t {
  kAction,
  kTitleEn,
  kTitleZh,
  kUnit,
  kRole,
  kLastPercent,
  kLastStatus,
  kLastLoggedOn,
  kPeriod,
  kPercent,
  kStatus,
  kNote,
  kLoggedOn,
  kCount
};

bool Blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string Trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

const std::vector<std::string>& SheetColumns() {
  static const std::vector<std::string> kColumns{
      "action",         "title_en", "title_zh", "unit",   "role", "last_percent", "last_status",
      "last_logged_on", "period",   "percent",  "status", "note", "logged_on"};
  return kColumns;
}

bool IsSheetHeader(const std::vector<std::string>& header) {
  const auto& columns = SheetColumns();
  return std::set<std::string>(header.begin(), header.end()) ==
         std::set<std::string>(columns.begin(), columns.end());
}

Result<std::optional<std::vector<std::string>>> SheetRowToProgress(
    const std::vector<std::string>& fields, const SheetDefaults& defaults) {
  if (fields.size() != kCount) return Status::BadData("the row does not have the sheet's columns");
  if (Blank(fields[kPercent]) && Blank(fields[kStatus]) && Blank(fields[kNote]) &&
      Blank(fields[kLoggedOn])) {
    return std::optional<std::vector<std::string>>{};
  }
  const std::string percent = Trimmed(fields[kPercent]);
  if (percent.empty()) {
    return Status::BadData(
        fmt::format("{}: percent is empty but the row is filled in", fields[kAction]));
  }
  std::string status = Trimmed(fields[kStatus]);
  // As `log` does without --status: done at 100, else on track.
  if (status.empty()) status = percent == "100" ? "done" : "on-track";
  std::string logged_on = Trimmed(fields[kLoggedOn]);
  if (logged_on.empty()) {
    auto period = domain::ParseQuarter(Trimmed(fields[kPeriod]));
    if (!period) {
      return Status::BadData(
          fmt::format("{}: logged_on is empty and period '{}' is not a quarter "
                      "such as 2026Q4",
                      fields[kAction], fields[kPeriod]));
    }
    logged_on = std::min(domain::FormatIsoDate(domain::LastDay(*period)), defaults.today);
  }
  return std::optional<std::vector<std::string>>{
      std::vector<std::string>{fields[kAction], fields[kUnit], logged_on, defaults.recorded_at,
                               percent, status, fields[kNote], fields[kUnit]}};
}

}  // namespace plantrack::store
