#pragma once

#include "core/rule_catalogue.h"
#include "core/scan_result.h"

#include <ostream>

namespace privaudit::reporters {

// JUnit XML for CI systems that show test reports: one test suite per catalogue rule, one
// failing test case per finding that fails the run (unsuppressed, at or above `failOn`, new
// when a baseline was given), skipped ones for the rest, a passing case for a clean rule.
void writeJunit(const core::ScanResult& scan, const core::RuleCatalogue& catalogue,
                core::Level failOn, std::ostream& out);

} // namespace privaudit::reporters
