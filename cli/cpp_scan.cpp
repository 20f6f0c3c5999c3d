#include "cli/cpp_scan.h"

#include "analyzers/cpp/dataflow_check.h"
#include "analyzers/cpp/front_end.h"
#include "analyzers/cpp/taint_resolution.h"
#include "checks/common/taint_knowledge.h"
#include "core/check_registry.h"
#include "core/isolated_jobs.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace privaudit::cli {

namespace fs = std::filesystem;

namespace {

bool isUnder(const std::string& file, const std::vector<std::string>& roots) {
    fs::path absolute = fs::weakly_canonical(fs::absolute(file));
    return std::ranges::any_of(roots, [&](const std::string& root) {
        fs::path relative = absolute.lexically_relative(fs::weakly_canonical(fs::absolute(root)));
        return !relative.empty() && *relative.begin() != "..";
    });
}

core::Notification frontEndFailure(const std::string& file, const core::JobOutcome& outcome,
                                   int timeoutSeconds) {
    core::Notification notification;
    notification.level = core::Level::Error;
    notification.location = {file};
    if (outcome.status == core::JobOutcome::Status::TimedOut) {
        notification.kind = core::Notification::Kind::AnalysisTimedOut;
        notification.message = "analysis stopped after " + std::to_string(timeoutSeconds) +
                               " s (--tu-timeout); no results for this translation unit";
    } else {
        notification.kind = core::Notification::Kind::AnalysisCrashed;
        notification.message =
            outcome.signal != 0
                ? std::string("the C++ front end crashed (") + strsignal(outcome.signal) +
                      "); no results for this translation unit"
                : "the C++ front end failed (exit " + std::to_string(outcome.exitCode) +
                      "); no results for this translation unit";
    }
    return notification;
}

} // namespace

core::AnalyzerOutput scanCpp(const CppScanRequest& request, const core::Policy& policy,
                             std::vector<std::string>& analyzedFiles) {
    core::AnalyzerOutput output;
    std::unique_ptr<cpp::CompilationSetup> setup;
    std::vector<std::string> units = request.sources;
    if (request.compileDatabase) {
        std::string error;
        setup = cpp::CompilationSetup::fromDatabase(*request.compileDatabase, error);
        if (setup) {
            units.clear();
            for (const std::string& file : setup->databaseSources()) {
                if (isUnder(file, request.roots)) {
                    units.push_back(file);
                }
            }
        } else {
            output.notifications.push_back(
                {core::Notification::Kind::ParseError,
                 core::Level::Error,
                 error + "; compiling the sources found with default flags instead",
                 {*request.compileDatabase}});
        }
    }
    if (!setup) {
        setup = cpp::CompilationSetup::withDefaultFlags(request.roots);
    }
    std::erase_if(units, [&](const std::string& file) { return policy.isExcluded(file); });
    std::ranges::sort(units);

    auto cppChecks = core::CheckRegistry<cpp::CppCheck>::createAll();
    std::vector<cpp::CppCheck*> enabled;
    for (const auto& check : cppChecks) {
        if (policy.isEnabled(check->ruleId())) {
            enabled.push_back(check.get());
        }
    }
    auto dataflowChecks = core::CheckRegistry<cpp::DataflowCheck>::createAll();
    std::erase_if(dataflowChecks,
                  [&](const auto& check) { return !policy.isEnabled(check->ruleId()); });
    cpp::TaintKnowledge knowledge = checks::taintKnowledgeFor(policy, output.notifications);
    bool summarize = !dataflowChecks.empty();

    auto outcomes = core::runIsolatedJobs(
        units.size(), request.jobs, std::chrono::seconds(request.timeoutSeconds), [&](size_t i) {
            // Clang prints its own diagnostics summary; the notifications say what matters.
            std::freopen("/dev/null", "w", stderr);
            auto unit = setup->analyze(units[i], enabled, knowledge, summarize);
            return nlohmann::json{{"output", core::toJson(unit.output)},
                                  {"summaries", unit.summaries}}
                .dump();
        });

    std::vector<cpp::FunctionSummary> summaries;
    for (size_t i = 0; i < units.size(); ++i) {
        analyzedFiles.push_back(units[i]);
        const core::JobOutcome& outcome = outcomes[i];
        if (outcome.status == core::JobOutcome::Status::Finished) {
            try {
                auto json = nlohmann::json::parse(outcome.output);
                auto unit = core::analyzerOutputFromJson(json.at("output"));
                std::ranges::move(unit.findings, std::back_inserter(output.findings));
                std::ranges::move(unit.notifications, std::back_inserter(output.notifications));
                for (const auto& summary : json.at("summaries")) {
                    summaries.push_back(summary.get<cpp::FunctionSummary>());
                }
                continue;
            } catch (const nlohmann::json::exception&) {
                // A truncated result is treated like a crash below.
            }
        }
        output.notifications.push_back(frontEndFailure(units[i], outcome, request.timeoutSeconds));
    }
    cpp::TaintResolver resolver(std::move(summaries));
    for (const cpp::ResolvedSink& sink : resolver.resolve()) {
        for (const auto& check : dataflowChecks) {
            if (check->sinkKind() == sink.hit->kind) {
                output.findings.push_back(
                    cpp::dataflowFinding(*check, sink, checks::categoryDisplayName));
            }
        }
    }
    return output;
}

} // namespace privaudit::cli
