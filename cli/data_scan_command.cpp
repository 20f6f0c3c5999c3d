#include "cli/data_scan_command.h"

#include "analyzers/runtime/artifact_scanner.h"
#include "checks/catalogue.h"
#include "checks/runtime/recognizer_catalogue.h"
#include "cli/data_summary.h"
#include "cli/report_output.h"
#include "core/discovery.h"
#include "core/fingerprint.h"
#include "core/paths.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

namespace privaudit::cli {

namespace fs = std::filesystem;
using core::Level;
using core::Notification;

namespace {

// The recognizers to run: those enabled by default, or exactly those --entities names.
// Returns an error message for an unknown entity name.
std::string selectRecognizers(const DataScanOptions& options, runtime::ScanSettings& settings) {
    const runtime::RecognizerSet& set = *settings.recognizers;
    for (const std::string& entity : options.entities) {
        bool known = std::ranges::any_of(set.recognizers, [&](const runtime::RecognizerSpec& spec) {
            return spec.entity == entity;
        });
        if (!known) {
            std::set<std::string> names;
            for (const runtime::RecognizerSpec& spec : set.recognizers) {
                names.insert(spec.entity);
            }
            std::string list;
            for (const std::string& name : names) {
                list += (list.empty() ? "" : ", ") + name;
            }
            return "unknown entity '" + entity + "' (known: " + list + ")";
        }
    }
    for (const runtime::RecognizerSpec& spec : set.recognizers) {
        bool named = std::ranges::find(options.entities, spec.entity) != options.entities.end();
        auto recognizer = runtime::recognizerNamed(spec.id);
        if (recognizer && (options.entities.empty() ? spec.enabled : named)) {
            settings.active[static_cast<size_t>(*recognizer)] = &spec;
        }
    }
    return {};
}

std::vector<runtime::ArtifactScan> scanFiles(const std::vector<std::string>& files,
                                             const runtime::ScanSettings& settings,
                                             const DataScanOptions& options) {
    std::vector<runtime::ArtifactScan> scans(files.size());
    std::atomic<size_t> nextFile = 0;
    auto worker = [&] {
        for (size_t i = nextFile++; i < files.size(); i = nextFile++) {
            scans[i] = runtime::scanArtifact(files[i], settings,
                                             static_cast<size_t>(options.maxFindingsPerFile));
        }
    };
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = std::min<unsigned>(jobs, std::max<size_t>(files.size(), 1));
    std::vector<std::jthread> threads;
    for (unsigned j = 1; j < jobs; ++j) {
        threads.emplace_back(worker);
    }
    worker();
    return scans;
}

// Level and severity from the catalogue and policy; fingerprints from what was found where,
// never from the value: the rule, the file, the entity, the JSON pointer or column, and the
// ordinal among equal ones (logs grow at the end, so ordinals stay put).
void finalize(std::vector<core::Finding>& findings, const core::Policy& policy,
              const std::string& sourceRoot) {
    const core::Rule* rule = checks::builtinCatalogue().find(runtime::piiInArtifactRule);
    std::map<std::string, int> seen;
    for (core::Finding& finding : findings) {
        finding.level = policy.levelFor(*rule);
        finding.securitySeverity = rule->securitySeverity;
        std::string logical =
            finding.logicalLocation ? finding.logicalLocation->fullyQualifiedName : "";
        std::string key =
            core::stableHash({finding.ruleId, core::relativePath(finding.location.file, sourceRoot),
                              std::get<std::string>(finding.properties["entity"]), logical});
        finding.fingerprint = key + ":" + std::to_string(++seen[key]);
    }
}

} // namespace

int runDataScan(const DataScanOptions& options, const std::vector<std::string>& arguments) {
    core::ScanResult result;
    result.arguments = arguments;
    result.automationCategory = "privaudit/scan-data";
    result.startTimeUtc = utcNow();
    result.sourceRoot = fs::absolute(options.sourceRoot ? *options.sourceRoot
                                                        : defaultSourceRoot(options.paths.front()))
                            .lexically_normal()
                            .string();

    runtime::ScanSettings settings;
    settings.recognizers = &checks::builtinRecognizers();
    settings.minScore = options.minScore;
    settings.maxDecodeDepth = options.maxDecodeDepth;
    if (std::string error = selectRecognizers(options, settings); !error.empty()) {
        std::cerr << "privaudit scan-data: " << error << "\n";
        return 2;
    }

    core::Policy policy =
        loadPolicy(options.policyFile, options.paths.front(), result.notifications);
    core::DiscoveredInputs inputs = core::discoverInputs(options.paths);
    std::ranges::move(inputs.notifications, std::back_inserter(result.notifications));
    std::vector<std::string> files;
    if (policy.isEnabled(runtime::piiInArtifactRule)) {
        for (const auto* list : {&inputs.cppSources, &inputs.otherFiles}) {
            std::ranges::copy_if(*list, std::back_inserter(files),
                                 [&](const std::string& file) { return !policy.isExcluded(file); });
        }
    }
    std::ranges::sort(files);

    std::vector<runtime::ArtifactScan> scans = scanFiles(files, settings, options);
    size_t findingCount = 0;
    for (const runtime::ArtifactScan& scan : scans) {
        findingCount += scan.findings.size();
    }
    result.findings.reserve(findingCount); // each finding is moved once, not at every growth
    for (runtime::ArtifactScan& scan : scans) {
        std::ranges::move(scan.findings, std::back_inserter(result.findings));
        std::ranges::move(scan.notifications, std::back_inserter(result.notifications));
    }
    result.analyzedFiles = files;
    // Files are scanned in order and each file's findings come in order of position: a check
    // (n comparisons of file names instead of n log n) is usually all it takes.
    if (!std::ranges::is_sorted(result.findings, core::findingOrder)) {
        std::ranges::stable_sort(result.findings, core::findingOrder);
    }
    finalize(result.findings, policy, result.sourceRoot);

    result.endTimeUtc = utcNow();
    result.exitCode = exitCodeFor(result, options.failOn, !inputs.missingPaths.empty());
    return emitReport(result, {.format = options.reportFormat(),
                               .output = options.output,
                               .quiet = options.quiet,
                               .failOn = options.failOn,
                               .textAppendix = writeDataSummary});
}

} // namespace privaudit::cli
