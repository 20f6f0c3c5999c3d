#pragma once

#include "core/finding_json.h"
#include "core/policy.h"

#include <string>
#include <vector>

namespace privaudit::cli {

struct CppScanRequest {
    std::vector<std::string> roots;     // the paths the user named
    std::vector<std::string> sources;   // translation units found under them
    const std::string* compileDatabase; // -p, or null for default flags
    unsigned jobs;
    int timeoutSeconds;
};

// Analyzes every translation unit in its own process, `jobs` at a time, with the C++ checks
// the policy enables. Crashes and time-outs become notifications.
core::AnalyzerOutput scanCpp(const CppScanRequest& request, const core::Policy& policy,
                             std::vector<std::string>& analyzedFiles);

} // namespace privaudit::cli
