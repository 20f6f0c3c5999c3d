#include "cli/scan_command.h"

#include "analyzers/config/config_analysis.h"
#include "analyzers/config/config_candidates.h"
#include "checks/catalogue.h"
#include "checks/config/data_rules.h"
#include "cli/changed_files.h"
#include "cli/cpp_scan.h"
#include "cli/report_output.h"
#include "core/atomic_file.h"
#include "core/baseline.h"
#include "core/check_registry.h"
#include "core/discovery.h"
#include "core/finalize.h"
#include "core/sarif_reader.h"
#include "core/scan_result.h"
#include "core/snippet.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
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

// Configuration files are analyzed by shard 1 of N: checks look at a bot's files together
// (groupIntoProjects), so splitting them could lose findings, and they take milliseconds.
core::AnalyzerOutput scanConfigs(const std::vector<std::string>& files, const core::Policy& policy,
                                 const std::vector<config::DataRule>& userRules,
                                 const ScanOptions& options,
                                 const std::map<std::string, std::string>& unsavedTexts,
                                 std::vector<std::string>& analyzedFiles) {
    if (options.shard.index != 1) {
        return {};
    }
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
    auto analysis = config::analyzeConfigFiles(configFiles, rules, unsavedTexts);
    return {std::move(analysis.findings), std::move(analysis.notifications)};
}

// The policy file's text, part of every cache key.
std::string policyText(const ScanOptions& options) {
    std::optional<std::string> path =
        options.policyFile ? options.policyFile : core::Policy::findUpward(options.paths.front());
    std::ifstream in(path ? *path : std::string(), std::ios::binary);
    return in ? std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())
              : std::string();
}

// The findings of a previous report; an error message when it cannot be read.
std::string loadBaseline(const std::string& path, const std::string& sourceRoot,
                         core::ScanResult& baseline) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return "--baseline " + path + ": cannot read the file";
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    baseline.sourceRoot = sourceRoot;
    std::string error = core::readSarif(text, sourceRoot, baseline);
    return error.empty() ? error : "--baseline " + path + ": " + error;
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
    std::optional<std::string> unsavedContent;
    std::map<std::string, std::string> unsavedTexts;
    core::DiscoveredInputs inputs;
    if (options.stdinFilename) {
        unsavedContent.emplace(std::istreambuf_iterator<char>(std::cin),
                               std::istreambuf_iterator<char>());
        std::string file = fs::absolute(*options.stdinFilename).lexically_normal().string();
        (core::isCppSource(file) ? inputs.cppSources : inputs.otherFiles).push_back(file);
        unsavedTexts[file] = *unsavedContent;
    } else {
        inputs = core::discoverInputs(options.paths);
    }
    std::ranges::move(inputs.notifications, std::back_inserter(result.notifications));

    std::vector<core::Finding> findings;
    CppScanRequest cppRequest{options.paths,
                              inputs.cppSources,
                              options.compileDatabase ? &*options.compileDatabase : nullptr,
                              options.jobs ? options.jobs : std::thread::hardware_concurrency(),
                              options.tuTimeoutSeconds,
                              result.sourceRoot,
                              options.shard,
                              options.cacheFolder,
                              policyText(options),
                              unsavedContent ? &*unsavedContent : nullptr};
    CppScanOutput cpp = scanCpp(cppRequest, policy, result.analyzedFiles);
    core::AnalyzerOutput configs = scanConfigs(inputs.otherFiles, policy, userRules, options,
                                               unsavedTexts, result.analyzedFiles);
    for (core::AnalyzerOutput* output : {&cpp.output, &configs}) {
        std::ranges::move(output->findings, std::back_inserter(findings));
        std::ranges::move(output->notifications, std::back_inserter(result.notifications));
    }
    if (options.shard.isWhole()) {
        std::ranges::move(resolveDataflow(cpp.taintSummaries, policy),
                          std::back_inserter(findings));
    } else {
        result.taintSummaries = std::move(cpp.taintSummaries);
    }
    std::ranges::sort(result.analyzedFiles);

    core::SourceFiles sources;
    if (unsavedContent) {
        std::error_code ec;
        sources.provide(fs::weakly_canonical(fs::absolute(*options.stdinFilename), ec).string(),
                        *unsavedContent);
    }
    result.findings =
        core::finalizeFindings(std::move(findings), catalogue, policy, sources, result.sourceRoot);
    core::collectSnippets(result, sources);

    bool usageError = !inputs.missingPaths.empty();
    if (options.changedSince) {
        std::set<std::string> changed;
        if (std::string error =
                changedFilesSince(*options.changedSince, result.sourceRoot, changed);
            !error.empty()) {
            std::cerr << "privaudit: error: --changed-since: " << error << "\n";
            usageError = true;
        } else {
            keepFindingsOfChangedFiles(result.findings, changed, cpp.includes);
        }
    }
    if (options.baseline) {
        core::ScanResult baseline;
        if (std::string error = loadBaseline(*options.baseline, result.sourceRoot, baseline);
            !error.empty()) {
            std::cerr << "privaudit: error: " << error << "\n";
            usageError = true;
        } else {
            core::applyBaseline(result, baseline.findings);
            result.snippets.merge(baseline.snippets);
        }
    }

    result.endTimeUtc = utcNow();
    result.exitCode = exitCodeFor(result, options.failOn, usageError);

    if (options.writeBaseline) {
        if (std::string error = core::writeFileAtomically(
                *options.writeBaseline,
                [&](std::ostream& out) {
                    writeReport(result, ReportFormat::Sarif, {.catalogue = &catalogue}, out);
                });
            !error.empty()) {
            std::cerr << "privaudit: error: " << error << "\n";
            return 2;
        }
    }
    return emitReport(result, {.format = options.reportFormat(),
                               .output = options.output,
                               .quiet = options.quiet,
                               .omitSuppressed = options.omitSuppressed,
                               .failOn = options.failOn,
                               .catalogue = &catalogue});
}

} // namespace privaudit::cli
