#include "cli/scan_command.h"

#include "analyzers/config/config_analysis.h"
#include "analyzers/config/config_candidates.h"
#include "analyzers/config/document_loader.h"
#include "checks/catalogue.h"
#include "cli/cpp_scan.h"
#include "core/atomic_file.h"
#include "core/check_registry.h"
#include "core/discovery.h"
#include "core/finalize.h"
#include "core/paths.h"
#include "core/scan_result.h"
#include "reporters/json_reporter.h"
#include "reporters/sarif_reporter.h"
#include "reporters/text_reporter.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace privaudit::cli {

namespace fs = std::filesystem;
using core::Level;
using core::Notification;

namespace {

std::string utcNow() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return buffer;
}

// The enclosing git checkout of the first path, else the current folder.
std::string defaultSourceRoot(const std::string& firstPath) {
    std::error_code ec;
    fs::path folder = fs::weakly_canonical(fs::absolute(firstPath), ec);
    for (; !folder.empty(); folder = folder.parent_path()) {
        if (fs::exists(folder / ".git", ec)) {
            return folder.string();
        }
        if (folder == folder.root_path()) {
            break;
        }
    }
    return fs::current_path().string();
}

Notification policyError(const std::string& path, int line, int column, std::string message) {
    return {
        Notification::Kind::PolicyError, Level::Error, std::move(message), {path, line, column}};
}

core::Policy loadPolicy(const ScanOptions& options, std::vector<Notification>& notifications) {
    std::optional<std::string> path =
        options.policyFile ? options.policyFile : core::Policy::findUpward(options.paths.front());
    if (!path) {
        return {};
    }
    std::ifstream in(*path, std::ios::binary);
    if (!in) {
        notifications.push_back(policyError(*path, 0, 0, "cannot read the policy file"));
        return {};
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto loaded = config::loadDocuments(text, config::DocumentFormat::Yaml);
    if (loaded.error) {
        notifications.push_back(policyError(*path, loaded.error->line, loaded.error->column,
                                            "invalid YAML: " + loaded.error->message));
        return {};
    }
    if (loaded.documents.empty()) {
        return {};
    }
    return core::Policy::fromTree(loaded.documents.front(), *path, checks::builtinCatalogue(),
                                  notifications);
}

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

std::string render(const core::ScanResult& result, ReportFormat format,
                   const ScanOptions& options) {
    std::ostringstream out;
    switch (format) {
    case ReportFormat::Sarif:
        reporters::writeSarif(result, checks::builtinCatalogue(), out,
                              {.includeSuppressed = !options.omitSuppressed});
        break;
    case ReportFormat::Json:
        reporters::writeJson(result, out);
        break;
    case ReportFormat::Text:
        reporters::writeText(result, out);
        break;
    }
    return out.str();
}

// 2 (usage or policy error) outranks 3 (some input not analyzed), which outranks 1.
int exitCodeFor(const core::ScanResult& result, Level failOn, bool missingPaths) {
    bool policyError = std::ranges::any_of(result.notifications, [](const Notification& n) {
        return n.kind == Notification::Kind::PolicyError;
    });
    if (policyError || missingPaths) {
        return 2;
    }
    if (!result.executionSuccessful()) {
        return 3;
    }
    bool failing =
        failOn != Level::None && std::ranges::any_of(result.findings, [&](const core::Finding& f) {
            return !f.suppression && f.level >= failOn;
        });
    return failing ? 1 : 0;
}

void printSummary(const core::ScanResult& result) {
    int counts[4] = {};
    int suppressed = 0;
    for (const core::Finding& finding : result.findings) {
        finding.suppression ? ++suppressed : ++counts[static_cast<int>(finding.level)];
    }
    std::cerr << "privaudit: " << counts[3] << " error(s), " << counts[2] << " warning(s), "
              << counts[1] << " note(s), " << suppressed << " suppressed in "
              << result.analyzedFiles.size() << " file(s)\n";
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

    core::Policy policy = loadPolicy(options, result.notifications);
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

    for (Notification notification : result.notifications) {
        if (!notification.location.file.empty()) {
            notification.location.file =
                core::relativePath(notification.location.file, result.sourceRoot);
        }
        std::cerr << notification.oneLine() << "\n";
    }
    std::string report = render(result, options.reportFormat(), options);
    if (options.output) {
        if (std::string error = core::writeFileAtomically(*options.output, report);
            !error.empty()) {
            std::cerr << "privaudit: error: " << error << "\n";
            return 2;
        }
        if (!options.quiet && options.reportFormat() != ReportFormat::Text) {
            std::cout << render(result, ReportFormat::Text, options);
        }
    } else {
        std::cout << report;
    }
    printSummary(result);
    return result.exitCode;
}

} // namespace privaudit::cli
