#pragma once

#include "core/finding.h"
#include "reporters/sarif_location.h"

#include <string_view>

namespace privaudit::reporters {

// One SARIF result for `finding`, whose rule is at `ruleIndex` in the driver's rules.
SarifJson sarifResult(const core::Finding& finding, int ruleIndex, std::string_view sourceRoot);

} // namespace privaudit::reporters
