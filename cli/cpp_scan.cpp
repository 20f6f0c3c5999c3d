#include "cli/cpp_scan.h"

#include "analyzers/cpp/dataflow_check.h"
#include "analyzers/cpp/front_end.h"
#include "analyzers/cpp/taint_resolution.h"
#include "checks/common/taint_knowledge.h"
#include "checks/embedded_data.h"
#include "core/check_registry.h"
#include "core/fnv1a.h"
#include "core/isolated_jobs.h"
#include "core/paths.h"
#include "core/result_cache.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

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

// Everything a unit's result depends on besides its headers: this build of privaudit with its
// rules and models, the policy, how the unit is compiled and its content.
std::string cacheKey(const std::string& unit, const std::vector<std::string>& commandLine,
                     const std::string& policyText) {
    static const std::string rulesDigest = [] {
        core::Fnv1a hash;
        for (const checks::EmbeddedFile& file : checks::embeddedFiles()) {
            hash.add(file.path);
            hash.add(file.text);
        }
        return hash.hex();
    }();
    core::Fnv1a policy;
    policy.add(policyText);
    std::string key = "privaudit " PRIVAUDIT_VERSION "\nrules " + rulesDigest + "\npolicy " +
                      policy.hex() + "\nunit " + unit + " " + core::ResultCache::fileDigest(unit) +
                      "\ncommand";
    for (const std::string& argument : commandLine) {
        key += " " + argument;
    }
    return key;
}

// Why `file` cannot be compiled at all (missing, unreadable, binary), or nothing.
std::optional<std::string> unreadableSource(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return "cannot read file: " + std::string(std::strerror(errno));
    }
    std::string head(65536, '\0');
    in.read(head.data(), std::ssize(head));
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.find('\0') != std::string::npos) {
        return std::string("binary file (NUL bytes); not compiled");
    }
    return std::nullopt;
}

} // namespace

CppScanOutput scanCpp(const CppScanRequest& request, const core::Policy& policy,
                      std::vector<std::string>& analyzedFiles) {
    CppScanOutput scan;
    core::AnalyzerOutput& output = scan.output;
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
    std::erase_if(units, [&](const std::string& file) {
        return policy.isExcluded(file) ||
               !request.shard.includes(core::relativePath(file, request.sourceRoot));
    });
    std::ranges::sort(units);
    if (!request.unsavedContent) {
        std::erase_if(units, [&](const std::string& file) {
            std::optional<std::string> problem = unreadableSource(file);
            if (problem) {
                output.notifications.push_back({core::Notification::Kind::InputUnreadable,
                                                core::Level::Error,
                                                *problem,
                                                {file}});
            }
            return problem.has_value();
        });
    }

    auto cppChecks = core::CheckRegistry<cpp::CppCheck>::createAll();
    std::vector<cpp::CppCheck*> enabled;
    for (const auto& check : cppChecks) {
        if (policy.isEnabled(check->ruleId())) {
            enabled.push_back(check.get());
        }
    }
    cpp::TaintKnowledge knowledge = checks::taintKnowledgeFor(policy, output.notifications);
    bool summarize =
        std::ranges::any_of(core::CheckRegistry<cpp::DataflowCheck>::createAll(),
                            [&](const auto& check) { return policy.isEnabled(check->ruleId()); });

    // Cached results first; only the rest is analyzed.
    std::optional<core::ResultCache> cache;
    std::vector<std::string> keys(units.size());
    std::vector<core::JobOutcome> outcomes(units.size());
    std::vector<size_t> toAnalyze;
    if (request.cacheFolder) {
        cache.emplace(*request.cacheFolder);
    }
    for (size_t i = 0; i < units.size(); ++i) {
        if (cache && !request.unsavedContent) {
            keys[i] = cacheKey(units[i], setup->commandLine(units[i]), request.policyText);
            if (auto cached = cache->lookup(keys[i])) {
                outcomes[i].output = std::move(*cached);
                continue;
            }
        }
        toAnalyze.push_back(i);
    }
    auto analyzed =
        core::runIsolatedJobs(toAnalyze.size(), request.jobs,
                              std::chrono::seconds(request.timeoutSeconds), [&](size_t job) {
                                  // Clang prints its own diagnostics summary; the notifications say
                                  // what matters.
                                  std::freopen("/dev/null", "w", stderr);
                                  auto unit =
                                      setup->analyze(units[toAnalyze[job]], enabled, knowledge,
                                                     summarize, request.unsavedContent);
                                  return nlohmann::json{{"output", core::toJson(unit.output)},
                                                        {"summaries", unit.summaries},
                                                        {"includes", unit.includedFiles}}
                                      .dump();
                              });
    for (size_t job = 0; job < toAnalyze.size(); ++job) {
        outcomes[toAnalyze[job]] = std::move(analyzed[job]);
    }

    for (size_t i = 0; i < units.size(); ++i) {
        analyzedFiles.push_back(units[i]);
        const core::JobOutcome& outcome = outcomes[i];
        if (outcome.status == core::JobOutcome::Status::Finished) {
            try {
                auto json = nlohmann::json::parse(outcome.output);
                auto unit = core::analyzerOutputFromJson(json.at("output"));
                auto includes = json.at("includes").get<std::vector<std::string>>();
                bool analyzedNow = std::ranges::binary_search(toAnalyze, i);
                if (cache && analyzedNow && !request.unsavedContent) {
                    cache->store(keys[i], includes, outcome.output);
                }
                std::ranges::move(unit.findings, std::back_inserter(output.findings));
                std::ranges::move(unit.notifications, std::back_inserter(output.notifications));
                if (!json.at("summaries").empty()) {
                    scan.taintSummaries[units[i]] = std::move(json.at("summaries"));
                }
                scan.includes[units[i]] = std::move(includes);
                continue;
            } catch (const nlohmann::json::exception&) {
                // A truncated result is treated like a crash below.
            }
        }
        output.notifications.push_back(frontEndFailure(units[i], outcome, request.timeoutSeconds));
    }
    return scan;
}

std::vector<core::Finding> resolveDataflow(const nlohmann::json& taintSummaries,
                                           const core::Policy& policy) {
    auto dataflowChecks = core::CheckRegistry<cpp::DataflowCheck>::createAll();
    std::erase_if(dataflowChecks,
                  [&](const auto& check) { return !policy.isEnabled(check->ruleId()); });
    std::vector<cpp::FunctionSummary> summaries;
    for (const auto& [unit, unitSummaries] : taintSummaries.items()) {
        for (const auto& summary : unitSummaries) {
            summaries.push_back(summary.get<cpp::FunctionSummary>());
        }
    }
    std::vector<core::Finding> findings;
    cpp::TaintResolver resolver(std::move(summaries));
    for (const cpp::ResolvedSink& sink : resolver.resolve()) {
        for (const auto& check : dataflowChecks) {
            if (check->sinkKind() == sink.hit->kind) {
                findings.push_back(cpp::dataflowFinding(*check, sink, checks::categoryDisplayName));
            }
        }
    }
    return findings;
}

} // namespace privaudit::cli
