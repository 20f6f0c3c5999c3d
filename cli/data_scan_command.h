#pragma once

#include "cli/data_scan_options.h"

#include <string>
#include <vector>

namespace privaudit::cli {

// `privaudit scan-data`: finds personal data in logs, transcripts and exports.
int runDataScan(const DataScanOptions& options, const std::vector<std::string>& arguments);

} // namespace privaudit::cli
