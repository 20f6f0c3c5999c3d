#pragma once

#include "core/rule_catalogue.h"
#include "core/scan_result.h"

#include <ostream>

namespace privaudit::reporters {

struct SarifOptions {
    // GitHub code scanning ignores SARIF suppressions and opens alerts for suppressed results;
    // a GitHub-bound report leaves them out.
    bool includeSuppressed = true;
};

// Writes `scan` as one SARIF 2.1.0 run (UTF-8, deterministic key and result order). Every
// catalogue rule is listed; a finding whose rule is not in `catalogue` is left out.
void writeSarif(const core::ScanResult& scan, const core::RuleCatalogue& catalogue,
                std::ostream& out, const SarifOptions& options = {});

} // namespace privaudit::reporters
