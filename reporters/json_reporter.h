#pragma once

#include "core/scan_result.h"

#include <ostream>

namespace privaudit::reporters {

// privaudit's own JSON report: {"version", "findings": [...], "notifications": [...]}, every
// finding (suppressed ones flagged) in scan order with files relative to the source root.
void writeJson(const core::ScanResult& scan, std::ostream& out);

} // namespace privaudit::reporters
