#include "analyzers/runtime/probe/canary_matcher.h"
#include "checks/runtime/probe_check.h"
#include "core/check_registry.h"

#include <map>
#include <tuple>

namespace privaudit::checks {

namespace {

using runtime::probe::CanaryKind;
using runtime::probe::CanaryMatch;
using runtime::probe::ProbeRun;
using runtime::probe::Turn;

// A canary of customer X, in any form the matcher knows, in a reply to customer Y. One finding
// per victim, observer and kind of data, at the first reply that shows it; its location is the
// line of that turn in the transcript, its logical location the target and turn, and the
// related location the turn in which the victim gave the value away.
class CrossSessionLeakCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/cross-session-leak"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override;
};

core::CheckRegistration<ProbeCheck, CrossSessionLeakCheck> registration;

std::vector<core::Finding> CrossSessionLeakCheck::check(const ProbeEvidence& evidence) const {
    const ProbeRun& run = evidence.run;
    runtime::probe::CanaryMatcher matcher(run.customers);
    std::map<std::tuple<int, int, CanaryKind>, size_t> firstFinding; // → index in findings
    std::vector<core::Finding> findings;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const Turn& turn = run.turns[i];
        if (turn.secondClient) {
            continue; // runtime/session-id-reuse judges what a second client was shown
        }
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

                core::Finding finding;
                finding.ruleId = ruleId();
                finding.message = "Customer " + victim + "'s " + kindName + " reached customer " +
                                  observer + "'s reply (turn " + std::to_string(turn.round + 1) +
                                  ", " + part.field + ", " + match.transformation + ")" +
                                  (burst ? " in a burst of concurrent messages" : "") + "; " +
                                  replayHint(run, turn) + ".";
                finding.location = transcriptLocation(evidence, i);
                finding.logicalLocation = turnLogicalLocation(evidence, turn);
                if (auto sent = turnWhereSent(run, match.customer, match.kind)) {
                    finding.related.push_back(
                        {transcriptLocation(evidence, *sent),
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

} // namespace

} // namespace privaudit::checks
