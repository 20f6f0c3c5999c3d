#pragma once

#include "cli/report_render.h"
#include "core/finding.h"
#include "core/shard.h"

#include <optional>
#include <string>
#include <vector>

namespace privaudit::cli {

struct ScanOptions {
    std::vector<std::string> paths;             // default: "."
    std::optional<std::string> compileDatabase; // -p BUILD_DIR | compile_commands.json
    std::optional<ReportFormat> format;         // default: from -o's extension, else text
    std::optional<std::string> output;          // -o FILE
    std::optional<std::string> policyFile;      // --config FILE
    std::optional<std::string> sourceRoot;      // --source-root DIR
    unsigned jobs = 0;                          // 0: one per core
    core::Level failOn = core::Level::Error;
    int tuTimeoutSeconds = 300;
    bool quiet = false;
    bool omitSuppressed = false; // GitHub code scanning shows suppressed results as open alerts
    std::optional<std::string> baseline;      // --baseline old.sarif
    std::optional<std::string> writeBaseline; // --write-baseline FILE
    core::Shard shard;                        // --shard K/N
    std::optional<std::string> changedSince;  // --changed-since GIT_REF
    std::optional<std::string> cacheFolder;   // --cache DIR
    std::optional<std::string> stdinFilename; // --stdin-filename FILE: its content on stdin

    ReportFormat reportFormat() const;
};

// Parses `privaudit scan` arguments (after "scan"). Returns an error message, empty on
// success; sets `help` for --help.
std::string parseScanOptions(const std::vector<std::string>& args, ScanOptions& options,
                             bool& help);

extern const char* const scanUsage;

// Option values both scan commands take: positive numbers.
bool parsePositive(const std::string& text, int& value);
// -j/--jobs N, a positive number.
void addJobsOption(OptionParser& parser, unsigned& jobs);
// --format when given, else by -o's extension (.sarif, .json, .html, .md, .xml), else text.
ReportFormat reportFormatFor(const std::optional<ReportFormat>& format,
                             const std::optional<std::string>& output);

} // namespace privaudit::cli
