#include "cli/probe_command.h"

#include "analyzers/runtime/probe/mock_llm.h"
#include "analyzers/runtime/probe/probe_run.h"
#include "checks/catalogue.h"
#include "checks/runtime/probe_check.h"
#include "cli/probe_adapter.h"
#include "cli/probe_scenario.h"
#include "cli/report_output.h"
#include "core/atomic_file.h"
#include "core/check_registry.h"
#include "core/fingerprint.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <set>

namespace privaudit::cli {

namespace fs = std::filesystem;
using core::Level;
using core::Notification;

namespace {

// A finding's string property, or "" when it has none.
std::string textProperty(const core::Finding& finding, const std::string& name) {
    auto found = finding.properties.find(name);
    if (found == finding.properties.end()) {
        return {};
    }
    const std::string* text = std::get_if<std::string>(&found->second);
    return text ? *text : std::string();
}

// Level and severity from the catalogue and policy; fingerprints from the target, the rule,
// who leaked to whom, where and what kind of data, so that reruns with the same seed match.
void finalize(std::vector<core::Finding>& findings, const core::Policy& policy,
              const std::string& target) {
    for (core::Finding& finding : findings) {
        const core::Rule* rule = checks::builtinCatalogue().find(finding.ruleId);
        finding.level = policy.levelFor(*rule);
        finding.securitySeverity = rule->securitySeverity;
        finding.fingerprint =
            core::stableHash({finding.ruleId, target, textProperty(finding, "victim"),
                              textProperty(finding, "observer"),
                              textProperty(finding, "canaryType"), textProperty(finding, "sink")});
    }
}

// The findings of every enabled probe check.
std::vector<core::Finding> judge(const checks::ProbeEvidence& evidence,
                                 const core::Policy& policy) {
    std::vector<core::Finding> findings;
    for (const auto& check : core::CheckRegistry<checks::ProbeCheck>::createAll()) {
        if (policy.isEnabled(std::string(check->ruleId()))) {
            std::ranges::move(check->check(evidence), std::back_inserter(findings));
        }
    }
    return findings;
}

// One notification for the messages that got no reply: the first one's line and error, and
// how many more.
void reportFailedTurns(const runtime::probe::ProbeRun& run, const std::string& transcript,
                       std::vector<Notification>& notifications) {
    size_t failed = 0;
    size_t first = 0;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        // A second client that gets no answer was refused: runtime/session-id-reuse's pass.
        if (!run.turns[i].error.empty() && !run.turns[i].secondClient && failed++ == 0) {
            first = i;
        }
    }
    if (run.gaveUp) {
        size_t planned = 0;
        for (const auto& step : run.schedule.steps) {
            planned += step.size();
        }
        notifications.push_back({Notification::Kind::InputUnreadable,
                                 Level::Error,
                                 "the target stopped answering: the probe gave up after " +
                                     std::to_string(run.turns.size()) + " of " +
                                     std::to_string(planned) +
                                     " messages (no reply in several steps in a row)",
                                 {transcript, static_cast<int>(run.turns.size())}});
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

// Where the requests to the mock LLM are recorded: next to the transcript, NAME.upstream.jsonl.
std::string upstreamRecordPath(const std::string& transcript) {
    return fs::path(transcript).replace_extension(".upstream.jsonl").string();
}

} // namespace

int runProbe(const ProbeOptions& options, const std::vector<std::string>& arguments) {
    runtime::probe::Scenario scenario;
    if (std::string error = loadProbeScenario(options.scenario, scenario); !error.empty()) {
        std::cerr << "privaudit probe: " << error << "\n";
        return 2;
    }

    core::ScanResult result;
    result.arguments = arguments;
    result.automationCategory = "privaudit/probe";
    result.startTimeUtc = utcNow();
    result.sourceRoot =
        fs::absolute(options.sourceRoot ? *options.sourceRoot : defaultSourceRoot("."))
            .lexically_normal()
            .string();
    core::Policy policy = loadPolicy(options.policyFile, ".", result.notifications);

    runtime::probe::ProbeSettings settings{
        .customers = options.customers,
        .rounds = options.rounds,
        .seed = options.seed ? *options.seed : std::random_device{}(),
        .maxBurst = options.maxBurst,
    };
    std::string transcript = fs::absolute(options.transcript).lexically_normal().string();
    std::string upstreamRecord = upstreamRecordPath(transcript);
    std::set<std::string> ownFiles = {transcript, upstreamRecord};
    if (options.output) {
        ownFiles.insert(*options.output);
    }
    runtime::probe::WriteObserver writes(options.watchFolders, options.logFiles, ownFiles);
    writes.before(result.notifications);
    std::unique_ptr<runtime::probe::MockLlm> mockLlm;
    if (options.mockLlm) {
        try {
            mockLlm = std::make_unique<runtime::probe::MockLlm>(*options.mockLlm);
        } catch (const std::exception& error) {
            std::cerr << "privaudit probe: " << error.what() << "\n";
            return 2;
        }
        std::cerr << "privaudit probe: mock LLM listening on " << mockLlm->baseUrl() << " (port "
                  << mockLlm->port() << ")\n";
        // A bot the probe starts itself (--command) finds the mock here, an OpenAI SDK by itself.
        ::setenv("PRIVAUDIT_MOCK_LLM_URL", mockLlm->baseUrl().c_str(), 1);
        ::setenv("OPENAI_BASE_URL", mockLlm->baseUrl().c_str(), 1);
    }

    std::string targetError;
    ProbeTarget target = connectProbeTarget(options, targetError);
    if (!target.adapter) {
        std::cerr << "privaudit probe: " << targetError << "\n";
        return 2;
    }
    const std::string& targetName = target.name;
    if (!target.adapter->concurrent() && settings.maxBurst > 1) {
        std::cerr << "privaudit probe: the " << options.adapter
                  << " adapter sends one message at a time (--max-burst 1); probe concurrency "
                     "leaks through an HTTP adapter\n";
        settings.maxBurst = 1;
    }
    std::cerr << "privaudit probe: " << targetName << " as " << settings.customers
              << " customers x " << settings.rounds << " messages, seed " << settings.seed
              << ", scenario " << scenario.source << "\n";
    runtime::probe::ProbeRun run = runtime::probe::runProbe(settings, scenario, *target.adapter);
    if (auto secondClient = target.adapter->secondClient(options.secondClientHeaders)) {
        runtime::probe::reuseSessions(settings, run, *secondClient);
    }
    target.adapter.reset(); // stops a jsonl child before the report

    checks::ProbeEvidence evidence{run, targetName, transcript, {}, {}, {}};
    evidence.written = writes.after(result.notifications);
    if (std::string error =
            core::writeFileAtomically(transcript, runtime::probe::transcriptJsonLines(run));
        !error.empty()) {
        std::cerr << "privaudit probe: cannot write the transcript: " << error << "\n";
        return 2;
    }
    result.analyzedFiles = {transcript};
    if (mockLlm) {
        evidence.upstream = mockLlm->requests();
        evidence.upstreamPath = upstreamRecord;
        mockLlm.reset();
        if (std::string error = core::writeFileAtomically(
                upstreamRecord, runtime::probe::upstreamJsonLines(evidence.upstream));
            !error.empty()) {
            std::cerr << "privaudit probe: cannot write the upstream record: " << error << "\n";
            return 2;
        }
        result.analyzedFiles.push_back(upstreamRecord);
    }
    for (const runtime::probe::WrittenFile& file : evidence.written) {
        result.analyzedFiles.push_back(file.path);
    }
    reportFailedTurns(run, transcript, result.notifications);
    result.findings = judge(evidence, policy);
    std::ranges::stable_sort(result.findings, core::findingOrder);
    finalize(result.findings, policy, targetName);
    if (!result.findings.empty()) {
        std::cerr << "privaudit probe: replay with " << runtime::probe::replayOptions(run)
                  << "; schedule: " << run.schedule.describe() << "\n";
    }

    result.endTimeUtc = utcNow();
    result.exitCode = exitCodeFor(result, options.failOn, false);
    return emitReport(result, {.format = options.reportFormat(),
                               .output = options.output,
                               .quiet = options.quiet,
                               .failOn = options.failOn,
                               .textAppendix = {}});
}

} // namespace privaudit::cli
