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
    std::map<std::tuple<int, int, CanaryKind>, size_t> firstFinding; // → index in findings
    std::vector<core::Finding> findings;
    forEachReplyCanary(run, [&](const ReplyCanary& shown) {
        const Turn& turn = shown.turn;
        const CanaryMatch& match = shown.match;
        if (match.customer == turn.customer) {
            return;
        }
        auto key = std::tuple(match.customer, turn.customer, match.kind);
        if (auto seen = firstFinding.find(key); seen != firstFinding.end()) {
            ++std::get<double>(findings[seen->second].properties["replies"]);
            return;
        }
        const std::string& victim = run.customers[static_cast<size_t>(match.customer)].id;
        const std::string& observer = run.customers[static_cast<size_t>(turn.customer)].id;
        bool burst = run.schedule.steps[static_cast<size_t>(turn.step - 1)].size() > 1;
        firstFinding.emplace(key, findings.size());
        findings.push_back(replyCanaryFinding(
            evidence, ruleId(), shown,
            "Customer " + victim + "'s " + runtime::probe::canaryKindName(match.kind) +
                " reached customer " + observer + "'s reply (turn " +
                std::to_string(turn.round + 1) + ", " + shown.part.field + ", " +
                match.transformation + ")" + (burst ? " in a burst of concurrent messages" : "") +
                "; " + replayHint(run, turn) + "."));
        findings.back().properties["concurrent"] = std::string(burst ? "yes" : "no");
    });
    return findings;
}

} // namespace

} // namespace privaudit::checks
