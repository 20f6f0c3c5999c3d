#include "cli/merge_command.h"

#include "checks/catalogue.h"
#include "checks/config/data_rules.h"
#include "cli/cpp_scan.h"
#include "cli/option_parser.h"
#include "cli/report_output.h"
#include "cli/report_render.h"
#include "cli/sarif_inputs.h"
#include "core/atomic_file.h"
#include "core/finalize.h"
#include "core/snippet.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <tuple>

namespace privaudit::cli {

namespace {

const char* const mergeUsage =
    R"(usage: privaudit merge SHARD.sarif... -o OUT [options]

Joins the SARIF reports of `privaudit scan --shard K/N` runs into one report, the one a whole
scan would have written: data flows that cross shards are resolved from the taint summaries
the shard reports carry, and levels, suppressions and fingerprints are computed again. Run it
in the checkout the shards scanned (it reads the sources and the policy file).

options:
  -o, --output FILE      the merged report (default: SARIF on stdout)
  --format FORMAT        sarif (default), html, markdown, junit, json or text
  --config FILE          policy file (default: the nearest .privaudit.yaml above the source
                         root)
  --source-root DIR      the folder the shards' paths are relative to (default: the
                         enclosing git checkout, else the current folder)
  --fail-on LEVEL        exit 1 when a finding at or above LEVEL exists: error (default),
                         warning, note or none
  --omit-suppressed      leave suppressed findings out of the SARIF report
  -h, --help             show this help

exit codes as for scan: 0, 1 (findings), 2 (usage error, unreadable report), 3 (some shard
could not analyze an input)
)";

struct MergeOptions {
    std::vector<std::string> inputs;
    std::optional<std::string> output;
    std::optional<ReportFormat> format;
    std::optional<std::string> policyFile;
    std::optional<std::string> sourceRoot;
    RenderOptions render;
};

std::string parse(const std::vector<std::string>& args, MergeOptions& options, bool& help) {
    OptionParser parser("merge");
    addReportOptions(parser, help, options.format, options.output, options.render.failOn);
    parser.flag({"--omit-suppressed"}, [&] { options.render.omitSuppressed = true; });
    parser.text({"--config"}, options.policyFile);
    parser.text({"--source-root"}, options.sourceRoot);
    std::string error = parser.parse(args, options.inputs);
    if (error.empty() && options.inputs.empty() && !help) {
        return "name the shards' SARIF reports (see: privaudit merge --help)";
    }
    return error;
}

// Each shard reports the same policy problems; they are said once.
void removeRepeatedNotifications(std::vector<core::Notification>& notifications) {
    auto key = [](const core::Notification& n) {
        return std::tie(n.location, n.kind, n.level, n.message);
    };
    std::ranges::stable_sort(notifications,
                             [&](const auto& a, const auto& b) { return key(a) < key(b); });
    notifications.erase(std::unique(notifications.begin(), notifications.end(),
                                    [&](const auto& a, const auto& b) { return key(a) == key(b); }),
                        notifications.end());
}

} // namespace

int runMerge(const std::vector<std::string>& arguments) {
    MergeOptions options;
    bool help = false;
    std::vector<std::string> args(arguments.begin() + 2, arguments.end());
    if (std::string error = parse(args, options, help); !error.empty()) {
        std::cerr << "privaudit merge: " << error << "\n";
        return 2;
    }
    if (help) {
        std::cout << mergeUsage;
        return 0;
    }
    std::string root =
        std::filesystem::absolute(options.sourceRoot ? *options.sourceRoot : defaultSourceRoot("."))
            .lexically_normal()
            .string();
    core::ScanResult shards;
    if (std::string error = readSarifReports(options.inputs, root, shards); !error.empty()) {
        std::cerr << "privaudit merge: " << error << "\n";
        return 2;
    }
    core::ScanResult result;
    result.sourceRoot = root;
    result.arguments = arguments;
    result.startTimeUtc = shards.startTimeUtc;
    result.endTimeUtc = shards.endTimeUtc;
    result.automationCategory = shards.automationCategory;
    result.analyzedFiles = std::move(shards.analyzedFiles);
    result.notifications = std::move(shards.notifications);
    core::Policy policy = loadPolicy(options.policyFile, root, result.notifications);
    core::RuleCatalogue catalogue = checks::builtinCatalogue();
    if (const core::DocNode* configRules = policy.configRules()) {
        checks::loadUserDataRules(*configRules, policy.path(), catalogue, result.notifications);
    }
    removeRepeatedNotifications(result.notifications);

    std::vector<core::Finding> findings = std::move(shards.findings);
    std::ranges::move(resolveDataflow(shards.taintSummaries, policy), std::back_inserter(findings));
    core::SourceFiles sources;
    result.findings = core::finalizeFindings(std::move(findings), catalogue, policy, sources, root);
    core::collectSnippets(result, sources);
    result.exitCode = exitCodeFor(result, options.render.failOn, false);

    ReportFormat format = options.format.value_or(
        options.output ? formatOfFileName(*options.output).value_or(ReportFormat::Sarif)
                       : ReportFormat::Sarif);
    RenderOptions render = options.render;
    render.catalogue = &catalogue;
    if (!options.output) {
        writeReport(result, format, render, std::cout);
    } else if (std::string error = core::writeFileAtomically(
                   *options.output,
                   [&](std::ostream& out) { writeReport(result, format, render, out); });
               !error.empty()) {
        std::cerr << "privaudit merge: " << error << "\n";
        return 2;
    }
    return result.exitCode;
}

} // namespace privaudit::cli
