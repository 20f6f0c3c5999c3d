#pragma once

#include "core/scan_result.h"

#include <ostream>

namespace privaudit::cli {

// scan-data's text summaries after the findings: per file, how many of each entity; per
// entity, how many in how many files.
void writeDataSummary(const core::ScanResult& result, std::ostream& out);

} // namespace privaudit::cli
