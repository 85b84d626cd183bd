#pragma once
// Each indicator's latest value against each of its targets, with the Open SDG pace class.

#include <ostream>
#include <vector>

#include "domain/civil_date.h"
#include "report/status_report.h"
#include "store/indicator_queries.h"

namespace plantrack::report {

void RenderIndicators(const std::vector<store::IndicatorRow>& indicators, const domain::Date& as_of,
                      const RenderOptions& options, std::ostream& out);

}  // namespace plantrack::report
