#pragma once

#include "core/scan_result.h"

#include <string>
#include <vector>

namespace privaudit::cli {

// Reads SARIF reports into one result whose source root is `sourceRoot`: findings sorted and
// without duplicates, analyzed files sorted and unique. Returns "FILE: problem" for the first
// file that cannot be read, empty on success.
std::string readSarifReports(const std::vector<std::string>& files, const std::string& sourceRoot,
                             core::ScanResult& result);

} // namespace privaudit::cli
