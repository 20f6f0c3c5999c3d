#include "analyzers/runtime/probe/canary_matcher.h"
#include "checks/runtime/probe_check.h"
#include "core/check_registry.h"

#include <map>
#include <utility>

namespace privaudit::checks {

namespace {

using runtime::probe::CanaryKind;
using runtime::probe::CanaryMatch;
using runtime::probe::ProbeRun;
using runtime::probe::Turn;

// The bot shows a customer its own full card number or IBAN: in a reply, in any form the
// matcher knows except masked. One finding per customer and kind, at the first such reply.
// Masked forms ("**** **** **** 1234", "DE89 **** **** 3000") are what the bot should show.
class OverEchoCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/over-echo"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override;
};

core::CheckRegistration<ProbeCheck, OverEchoCheck> registration;

std::vector<core::Finding> OverEchoCheck::check(const ProbeEvidence& evidence) const {
    const ProbeRun& run = evidence.run;
    runtime::probe::CanaryMatcher matcher(run.customers);
    std::map<std::pair<int, CanaryKind>, size_t> firstFinding; // → index in findings
    std::vector<core::Finding> findings;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const Turn& turn = run.turns[i];
        if (turn.secondClient) {
            continue;
        }
        for (const runtime::probe::ReplyPart& part : turn.reply) {
            for (const CanaryMatch& match : matcher.find(part.text)) {
                if (match.customer != turn.customer || match.masked ||
                    (match.kind != CanaryKind::Card && match.kind != CanaryKind::Iban)) {
                    continue;
                }
                auto key = std::pair(turn.customer, match.kind);
                if (auto seen = firstFinding.find(key); seen != firstFinding.end()) {
                    ++std::get<double>(findings[seen->second].properties["replies"]);
                    continue;
                }
                const std::string& customer = run.customers[static_cast<size_t>(turn.customer)].id;
                std::string kindName = runtime::probe::canaryKindName(match.kind);

                core::Finding finding;
                finding.ruleId = ruleId();
                finding.message = "The bot showed customer " + customer + " its full " + kindName +
                                  " (turn " + std::to_string(turn.round + 1) + ", " + part.field +
                                  ", " + match.transformation +
                                  "); show at most the last four characters. " +
                                  replayHint(run, turn) + ".";
                finding.location = transcriptLocation(evidence, i);
                finding.logicalLocation = turnLogicalLocation(evidence, turn);
                if (auto sent = turnWhereSent(run, turn.customer, match.kind)) {
                    finding.related.push_back(
                        {transcriptLocation(evidence, *sent),
                         "customer " + customer + " sent the " + kindName + " here"});
                }
                finding.categories = {runtime::probe::canaryCategory(match.kind)};
                finding.properties = {
                    {"victim", customer},
                    {"observer", customer},
                    {"sink", "reply " + part.field},
                    {"canaryType", runtime::probe::canaryCategory(match.kind)},
                    {"transformation", match.transformation},
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
