#pragma once

#include "core/scan_result.h"

#include <ostream>

namespace privaudit::reporters {

// One compiler-style line per finding that is not suppressed, in scan order:
// "file:line:col: level: message [rule-id]" with the file relative to the source root.
// Notifications and the summary are the caller's (they go to stderr).
void writeText(const core::ScanResult& scan, std::ostream& out);

} // namespace privaudit::reporters
