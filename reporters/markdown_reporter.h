#pragma once

#include "core/scan_result.h"
#include "reporters/report_model.h"

#include <ostream>

namespace privaudit::reporters {

// A pull-request comment: counts, the scorecard and a table of the open findings; with a
// baseline, only the new ones (unchanged and fixed are counted).
void writeMarkdown(const core::ScanResult& scan, const ReportContext& context, std::ostream& out);

} // namespace privaudit::reporters
