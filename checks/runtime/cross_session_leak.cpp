#include "checks/runtime/cross_session_leak.h"

#include "analyzers/runtime/probe/canary_matcher.h"

#include <map>
#include <optional>
#include <tuple>

namespace privaudit::checks {

namespace {

using runtime::probe::CanaryKind;
using runtime::probe::CanaryMatch;
using runtime::probe::ProbeRun;
using runtime::probe::Turn;

// The whole line of the transcript that records turn `index`.
core::SourceLocation transcriptLocation(const ProbeRun& run, const std::string& path,
                                        size_t index) {
    int line = static_cast<int>(index + 1);
    int width = static_cast<int>(runtime::probe::transcriptLine(run, run.turns[index]).size());
    return {path, line, 1, line, width + 1};
}

// The first turn in which `customer` sent the value, if it did.
std::optional<size_t> turnWhereSent(const ProbeRun& run, int customer, CanaryKind kind) {
    const std::string& value = run.customers[static_cast<size_t>(customer)].canary(kind).value;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const Turn& turn = run.turns[i];
        if (turn.customer == customer && turn.message.find(value) != std::string::npos) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<core::Finding> findCrossSessionLeaks(const ProbeRun& run, const std::string& target,
                                                 const std::string& transcriptPath) {
    runtime::probe::CanaryMatcher matcher(run.customers);
    std::map<std::tuple<int, int, CanaryKind>, size_t> firstFinding; // → index in findings
    std::vector<core::Finding> findings;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const Turn& turn = run.turns[i];
        for (const runtime::probe::ReplyPart& part : turn.reply) {
            for (const CanaryMatch& match : matcher.find(part.text)) {
                if (match.customer == turn.customer) {
                    continue;
                }
                auto key = std::tuple(match.customer, turn.customer, match.kind);
                if (auto seen = firstFinding.find(key); seen != firstFinding.end()) {
                    auto& count = std::get<double>(findings[seen->second].properties["replies"]);
                    ++count;
                    continue;
                }
                const std::string& victim = run.customers[static_cast<size_t>(match.customer)].id;
                const std::string& observer = run.customers[static_cast<size_t>(turn.customer)].id;
                std::string kindName = runtime::probe::canaryKindName(match.kind);
                bool burst = run.schedule.steps[static_cast<size_t>(turn.step - 1)].size() > 1;
                std::string turnName = observer + "/turn-" + std::to_string(turn.round + 1);

                core::Finding finding;
                finding.ruleId = crossSessionLeakRule;
                finding.message = "Customer " + victim + "'s " + kindName + " reached customer " +
                                  observer + "'s reply (turn " + std::to_string(turn.round + 1) +
                                  ", " + part.field + ", " + match.transformation + ")" +
                                  (burst ? " in a burst of concurrent messages" : "") +
                                  "; replay with --seed " + std::to_string(run.schedule.seed) +
                                  ", schedule step " + std::to_string(turn.step) + ".";
                finding.location = transcriptLocation(run, transcriptPath, i);
                finding.logicalLocation = core::LogicalLocation{target + "#" + turnName, "object"};
                if (auto sent = turnWhereSent(run, match.customer, match.kind)) {
                    finding.related.push_back(
                        {transcriptLocation(run, transcriptPath, *sent),
                         "customer " + victim + " sent the " + kindName + " here"});
                }
                finding.categories = {runtime::probe::canaryCategory(match.kind)};
                finding.properties = {
                    {"victim", victim},
                    {"observer", observer},
                    {"sink", "reply " + part.field},
                    {"canaryType", runtime::probe::canaryCategory(match.kind)},
                    {"transformation", match.transformation},
                    {"concurrent", std::string(burst ? "yes" : "no")},
                    {"seed", std::to_string(run.schedule.seed)},
                    {"step", static_cast<double>(turn.step)},
                    {"replies", 1.0},
                };
                firstFinding.emplace(key, findings.size());
                findings.push_back(std::move(finding));
            }
        }
    }
    return findings;
}

} // namespace privaudit::checks
