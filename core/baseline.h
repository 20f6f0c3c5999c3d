#pragma once

#include "core/finding.h"
#include "core/scan_result.h"

#include <vector>

namespace privaudit::core {

// Compares `current` with a previous scan: a finding whose rule and fingerprint the baseline
// holds is Unchanged, every other one New; baseline findings no current finding matches go to
// `current.absentFindings`.
void applyBaseline(ScanResult& current, const std::vector<Finding>& baseline);

} // namespace privaudit::core
