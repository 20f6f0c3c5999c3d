#pragma once

#include "core/scan_result.h"

#include <string>
#include <string_view>

namespace privaudit::core {

// Adds what a SARIF 2.1.0 log holds to `into`: every run's results (absent ones to
// absentFindings), masked snippets, analyzed artifacts and tool notifications. URIs relative to
// %SRCROOT% (or with no base) are resolved against `sourceRoot`, which `into` should carry.
// Returns an error message naming what is wrong, empty on success; `into` is unchanged on error.
std::string readSarif(std::string_view text, const std::string& sourceRoot, ScanResult& into);

} // namespace privaudit::core
