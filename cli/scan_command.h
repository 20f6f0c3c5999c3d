#pragma once

#include "cli/scan_options.h"

#include <string>
#include <vector>

namespace privaudit::cli {

// Runs `privaudit scan`; returns the exit code. `arguments` is the whole command line.
int runScan(const ScanOptions& options, const std::vector<std::string>& arguments);

} // namespace privaudit::cli
