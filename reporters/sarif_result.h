#pragma once

#include "core/finding.h"
#include "core/scan_result.h"
#include "reporters/sarif_location.h"

#include <string_view>

namespace privaudit::reporters {

// One SARIF result for `finding` of `scan`, whose rule is at `ruleIndex` in the driver's rules.
SarifJson sarifResult(const core::Finding& finding, int ruleIndex, const core::ScanResult& scan);

} // namespace privaudit::reporters
