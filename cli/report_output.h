#pragma once

#include "cli/scan_options.h"
#include "core/policy.h"
#include "core/scan_result.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

// What `scan` and `scan-data` share around their analyses: time stamps, the source root, the
// policy file, the exit code, and writing the report.
namespace privaudit::cli {

std::string utcNow();

// The enclosing git checkout of the first path, else the current folder.
std::string defaultSourceRoot(const std::string& firstPath);

// The policy from --config or the nearest .privaudit.yaml above `firstPath`; its errors become
// notifications.
core::Policy loadPolicy(const std::optional<std::string>& policyFile, const std::string& firstPath,
                        std::vector<core::Notification>& notifications);

// 2 (usage or policy error) outranks 3 (some input not analyzed), which outranks 1 (a finding
// at or above `failOn` that is neither suppressed nor in the baseline).
int exitCodeFor(const core::ScanResult& result, core::Level failOn, bool usageError);

struct ReportRequest {
    ReportFormat format = ReportFormat::Text;
    std::optional<std::string> output; // -o FILE, written atomically
    bool quiet = false;
    bool omitSuppressed = false;
    core::Level failOn = core::Level::Error; // JUnit: which findings are failures
    // The rules SARIF describes; nullptr for the built-in catalogue. `scan` adds the policy's
    // own config rules.
    const core::RuleCatalogue* catalogue = nullptr;
    // Appended to text output (on stdout or in the file): e.g. scan-data's summaries.
    std::function<void(const core::ScanResult&, std::ostream&)> textAppendix = nullptr;
};

// Prints the notifications, writes the report (to the file, or stdout) and the one-line
// summary on stderr. Returns the exit code: result.exitCode, or 2 when the report cannot be
// written.
int emitReport(const core::ScanResult& result, const ReportRequest& request);

} // namespace privaudit::cli
