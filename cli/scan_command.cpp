#include "cli/scan_command.h"

#include "analyzers/config/config_analysis.h"
#include "analyzers/config/config_candidates.h"
#include "checks/catalogue.h"
#include "cli/cpp_scan.h"
#include "cli/report_output.h"
#include "core/check_registry.h"
#include "core/discovery.h"
#include "core/finalize.h"
#include "core/scan_result.h"

#include <algorithm>
#include <filesystem>
#include <thread>

namespace privaudit::cli {

namespace fs = std::filesystem;
using core::Level;
using core::Notification;

namespace {

core::AnalyzerOutput scanConfigs(const std::vector<std::string>& files, const core::Policy& policy,
                                 std::vector<std::string>& analyzedFiles) {
    auto registered = core::CheckRegistry<config::ConfigCheck>::createAll();
    std::vector<const config::ConfigCheck*> checks;
    for (const auto& check : registered) {
        if (policy.isEnabled(check->ruleId())) {
            checks.push_back(check.get());
        }
    }
    core::AnalyzerOutput output;
    for (const std::string& file : files) {
        if (policy.isExcluded(file) || !config::isConfigCandidate(file)) {
            continue;
        }
        analyzedFiles.push_back(file);
        auto analysis = config::analyzeConfigFile(file, checks);
        std::ranges::move(analysis.findings, std::back_inserter(output.findings));
        std::ranges::move(analysis.notifications, std::back_inserter(output.notifications));
    }
    return output;
}

} // namespace

int runScan(const ScanOptions& options, const std::vector<std::string>& arguments) {
    core::ScanResult result;
    result.arguments = arguments;
    result.startTimeUtc = utcNow();
    result.sourceRoot = fs::absolute(options.sourceRoot ? *options.sourceRoot
                                                        : defaultSourceRoot(options.paths.front()))
                            .lexically_normal()
                            .string();

    core::Policy policy =
        loadPolicy(options.policyFile, options.paths.front(), result.notifications);
    core::DiscoveredInputs inputs = core::discoverInputs(options.paths);
    for (const std::string& missing : inputs.missingPaths) {
        result.notifications.push_back({Notification::Kind::InputUnreadable,
                                        Level::Error,
                                        "no such file or folder",
                                        {missing}});
    }

    std::vector<core::Finding> findings;
    CppScanRequest cppRequest{options.paths, inputs.cppSources,
                              options.compileDatabase ? &*options.compileDatabase : nullptr,
                              options.jobs ? options.jobs : std::thread::hardware_concurrency(),
                              options.tuTimeoutSeconds};
    for (auto output : {scanCpp(cppRequest, policy, result.analyzedFiles),
                        scanConfigs(inputs.otherFiles, policy, result.analyzedFiles)}) {
        std::ranges::move(output.findings, std::back_inserter(findings));
        std::ranges::move(output.notifications, std::back_inserter(result.notifications));
    }
    std::ranges::sort(result.analyzedFiles);

    core::SourceFiles sources;
    result.findings = core::finalizeFindings(std::move(findings), checks::builtinCatalogue(),
                                             policy, sources, result.sourceRoot);

    result.endTimeUtc = utcNow();
    result.exitCode = exitCodeFor(result, options.failOn, !inputs.missingPaths.empty());

    return emitReport(result, {.format = options.reportFormat(),
                               .output = options.output,
                               .quiet = options.quiet,
                               .omitSuppressed = options.omitSuppressed});
}

} // namespace privaudit::cli
