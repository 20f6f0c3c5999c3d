#pragma once

#include "cli/scan_options.h"

#include <optional>
#include <string>
#include <vector>

namespace privaudit::cli {

struct DataScanOptions {
    std::vector<std::string> paths; // default: "."
    std::optional<ReportFormat> format;
    std::optional<std::string> output;
    std::optional<std::string> policyFile;
    std::optional<std::string> sourceRoot;
    unsigned jobs = 0; // 0: one per core
    core::Level failOn = core::Level::Error;
    double minScore = 0.5;
    std::vector<std::string> entities; // empty: every recognizer enabled by default
    int maxDecodeDepth = 2;
    int maxFindingsPerFile = 10000; // 0: no limit
    bool quiet = false;

    ReportFormat reportFormat() const { return reportFormatFor(format, output); }
};

// Parses `privaudit scan-data` arguments (after "scan-data"). Returns an error message, empty
// on success; sets `help` for --help.
std::string parseDataScanOptions(const std::vector<std::string>& args, DataScanOptions& options,
                                 bool& help);

extern const char* const dataScanUsage;

} // namespace privaudit::cli
