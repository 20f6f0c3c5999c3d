#include "cli/probe_command.h"

#include "analyzers/runtime/probe/probe_run.h"
#include "checks/catalogue.h"
#include "checks/runtime/cross_session_leak.h"
#include "cli/report_output.h"
#include "core/atomic_file.h"
#include "core/fingerprint.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <random>

namespace privaudit::cli {

namespace fs = std::filesystem;
using core::Level;
using core::Notification;

namespace {

constexpr const char* rasaWebhookPath = "/webhooks/rest/webhook";

// Level and severity from the catalogue and policy; fingerprints from the target, the rule,
// who leaked to whom and what kind of data, so that reruns with the same seed match.
void finalize(std::vector<core::Finding>& findings, const core::Policy& policy,
              const std::string& target) {
    const core::Rule* rule = checks::builtinCatalogue().find(checks::crossSessionLeakRule);
    for (core::Finding& finding : findings) {
        finding.level = policy.levelFor(*rule);
        finding.securitySeverity = rule->securitySeverity;
        finding.fingerprint = core::stableHash(
            {finding.ruleId, target, std::get<std::string>(finding.properties["victim"]),
             std::get<std::string>(finding.properties["observer"]),
             std::get<std::string>(finding.properties["canaryType"])});
    }
}

// One notification for the messages that got no reply: the first one's line and error, and
// how many more.
void reportFailedTurns(const runtime::probe::ProbeRun& run, const std::string& transcript,
                       std::vector<Notification>& notifications) {
    size_t failed = 0;
    size_t first = 0;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        if (!run.turns[i].error.empty() && failed++ == 0) {
            first = i;
        }
    }
    if (failed > 0) {
        std::string more = failed > 1 ? " (and " + std::to_string(failed - 1) + " more of " +
                                            std::to_string(run.turns.size()) + " messages)"
                                      : "";
        notifications.push_back({Notification::Kind::InputUnreadable,
                                 Level::Error,
                                 "no reply from the target: " + run.turns[first].error + more,
                                 {transcript, static_cast<int>(first + 1)}});
    }
}

} // namespace

int runProbe(const ProbeOptions& options, const std::vector<std::string>& arguments) {
    auto target = runtime::probe::parseHttpUrl(options.target);
    if (!target) {
        std::cerr << "privaudit probe: --target must be an http:// URL (https is not supported "
                     "yet), not '"
                  << options.target << "'\n";
        return 2;
    }
    if (target->path == "/") {
        target->path = rasaWebhookPath;
    }
    std::string targetName = "http://" + target->host + ":" + target->port + target->path;

    core::ScanResult result;
    result.arguments = arguments;
    result.automationCategory = "privaudit/probe";
    result.startTimeUtc = utcNow();
    result.sourceRoot =
        fs::absolute(options.sourceRoot ? *options.sourceRoot : defaultSourceRoot("."))
            .lexically_normal()
            .string();
    core::Policy policy = loadPolicy(options.policyFile, ".", result.notifications);

    runtime::probe::ProbeSettings settings{*target, options.customers, options.rounds,
                                           options.seed ? *options.seed : std::random_device{}(),
                                           std::chrono::seconds(options.timeoutSeconds)};
    std::cerr << "privaudit probe: " << targetName << " as " << settings.customers
              << " customers x " << settings.rounds << " messages, seed " << settings.seed << "\n";
    runtime::probe::ProbeRun run = runtime::probe::runProbe(settings);

    std::string transcript = fs::absolute(options.transcript).lexically_normal().string();
    if (std::string error =
            core::writeFileAtomically(transcript, runtime::probe::transcriptJsonLines(run));
        !error.empty()) {
        std::cerr << "privaudit probe: cannot write the transcript: " << error << "\n";
        return 2;
    }
    result.analyzedFiles = {transcript};
    reportFailedTurns(run, transcript, result.notifications);
    if (policy.isEnabled(checks::crossSessionLeakRule)) {
        result.findings = checks::findCrossSessionLeaks(run, targetName, transcript);
    }
    std::ranges::stable_sort(result.findings, core::findingOrder);
    finalize(result.findings, policy, targetName);
    if (!result.findings.empty()) {
        std::cerr << "privaudit probe: replay with --seed " << settings.seed << " --customers "
                  << settings.customers << " --rounds " << settings.rounds
                  << "; schedule: " << run.schedule.describe() << "\n";
    }

    result.endTimeUtc = utcNow();
    result.exitCode = exitCodeFor(result, options.failOn, false);
    return emitReport(result, {.format = options.reportFormat(),
                               .output = options.output,
                               .quiet = options.quiet,
                               .textAppendix = {}});
}

} // namespace privaudit::cli
