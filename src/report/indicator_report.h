#pragma once
// Each indicator's latest value against each of its targets: the Open SDG pace class for a
// target still ahead, and met / missed / no-data for one whose year has passed (judged on the
// value of that year's end, not on anything measured since).

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "domain/evaluation.h"
#include "report/json_stream.h"
#include "report/status_report.h"
#include "store/indicator_queries.h"

namespace plantrack::report {

// One target as of a date: `passed` decides which of `judgement` and `pace` applies.
struct TargetView {
  int year = 0;
  double value = 0;
  bool passed = false;
  std::optional<double> judged_value;  // passed: the value of the year's end
  std::string judged_on;
  domain::TargetJudgement judgement;  // passed only
  std::string pace;                   // ahead only: on-track, ..., no-data

  std::string Outcome() const;  // "" while ahead
  // What people read in a single column: the outcome once passed, else the pace class.
  std::string Assessment() const { return passed ? Outcome() : pace; }
};

TargetView ViewTarget(const store::IndicatorRow& row, const store::IndicatorTarget& target,
                      const domain::Date& as_of);

// The JSON object of a target, shared by `indicators` and `evaluate`, as the next value of
// `json`: year, value, passed, outcome (null while ahead), pace (null once passed), judged
// {value, on}, gap, gap_share.
void WriteTargetJson(JsonStream& json, const TargetView& view);

// Opens an indicator's JSON object as the next value of `json` with its code, name,
// measure_unit, direction and baseline {value, year}; the caller writes the rest and closes it.
void OpenIndicatorJson(JsonStream& json, const store::IndicatorRow& row, bool zh);

// A measured value or gap as people read it: rounded to four decimals, never in exponent form
// (10000, not 1e+04; 1.2, not 1.2000000000000028).
std::string NumberText(double value);

void RenderIndicators(const std::vector<store::IndicatorRow>& indicators, const domain::Date& as_of,
                      const RenderOptions& options, std::ostream& out);

}  // namespace plantrack::report
