#include "cli/scan_command.h"

#include "analyzers/config/config_analysis.h"
#include "analyzers/config/config_candidates.h"
#include "checks/catalogue.h"
#include "checks/config/data_rules.h"
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

// Enabled registered checks of one kind.
template <class Check>
std::vector<const Check*> enabledChecks(const std::vector<std::unique_ptr<Check>>& registered,
                                        const core::Policy& policy) {
    std::vector<const Check*> checks;
    for (const auto& check : registered) {
        if (policy.isEnabled(check->ruleId())) {
            checks.push_back(check.get());
        }
    }
    return checks;
}

core::AnalyzerOutput scanConfigs(const std::vector<std::string>& files, const core::Policy& policy,
                                 const std::vector<config::DataRule>& userRules,
                                 std::vector<std::string>& analyzedFiles) {
    auto fileChecks = core::CheckRegistry<config::ConfigCheck>::createAll();
    auto projectChecks = core::CheckRegistry<config::ConfigProjectCheck>::createAll();
    config::ConfigRules rules{
        enabledChecks(fileChecks, policy), enabledChecks(projectChecks, policy), {}};
    for (const auto* dataRules : {&checks::builtinDataRules(), &userRules}) {
        for (const config::DataRule& rule : *dataRules) {
            if (policy.isEnabled(rule.id)) {
                rules.dataRules.push_back(&rule);
            }
        }
    }
    std::vector<std::string> configFiles;
    for (const std::string& file : files) {
        if (!policy.isExcluded(file) && config::isConfigCandidate(file)) {
            configFiles.push_back(file);
        }
    }
    analyzedFiles.insert(analyzedFiles.end(), configFiles.begin(), configFiles.end());
    auto analysis = config::analyzeConfigFiles(configFiles, rules);
    return {std::move(analysis.findings), std::move(analysis.notifications)};
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
    core::RuleCatalogue catalogue = checks::builtinCatalogue();
    std::vector<config::DataRule> userRules;
    if (const core::DocNode* configRules = policy.configRules()) {
        userRules =
            checks::loadUserDataRules(*configRules, policy.path(), catalogue, result.notifications);
    }
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
                        scanConfigs(inputs.otherFiles, policy, userRules, result.analyzedFiles)}) {
        std::ranges::move(output.findings, std::back_inserter(findings));
        std::ranges::move(output.notifications, std::back_inserter(result.notifications));
    }
    std::ranges::sort(result.analyzedFiles);

    core::SourceFiles sources;
    result.findings =
        core::finalizeFindings(std::move(findings), catalogue, policy, sources, result.sourceRoot);

    result.endTimeUtc = utcNow();
    result.exitCode = exitCodeFor(result, options.failOn, !inputs.missingPaths.empty());

    return emitReport(result, {.format = options.reportFormat(),
                               .output = options.output,
                               .quiet = options.quiet,
                               .omitSuppressed = options.omitSuppressed,
                               .catalogue = &catalogue});
}

} // namespace privaudit::cli
