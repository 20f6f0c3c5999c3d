#pragma once

#include "core/finding.h"
#include "core/notification.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace privaudit::core {

// Everything a reporter needs to know about one scan. Reporters read only this and the
// rule catalogue; they never see Clang or YAML types.
struct ScanResult {
    std::vector<Finding> findings;           // sorted by findingOrder, fingerprints filled
    std::vector<Finding> absentFindings;     // with a baseline: its findings not found any more
    std::vector<Notification> notifications; // in the order they happened
    std::vector<std::string> analyzedFiles;  // every file that was analyzed, sorted
    std::string sourceRoot;                  // absolute; report paths are relative to it
    std::vector<std::string> arguments;      // the command line, argv[0] first
    std::string startTimeUtc;                // ISO 8601, e.g. 2026-12-01T21:00:00Z
    std::string endTimeUtc;
    std::string automationCategory = "privaudit/scan"; // SARIF automationDetails category
    int exitCode = 0;

    // Masked source text of the lines findings and their flows point to, by (file, line), so
    // reports can show code without reading the sources again.
    std::map<std::pair<std::string, int>, std::string> snippets;

    std::string_view snippet(const SourceLocation& location) const;

    // A shard's taint summaries by translation unit, kept for `merge` to resolve the data
    // flows that cross shards. Empty for a whole scan.
    nlohmann::json taintSummaries = nlohmann::json::object();

    // False when some input could not be analyzed (an error-level notification).
    bool executionSuccessful() const;
};

} // namespace privaudit::core
