#include "analyzers/runtime/probe/canary_matcher.h"
#include "checks/runtime/probe_check.h"
#include "core/check_registry.h"

#include <set>

namespace privaudit::checks {

namespace {

using runtime::probe::CanaryKind;
using runtime::probe::CanaryMatch;
using runtime::probe::ProbeRun;
using runtime::probe::Turn;

// After the run, a second client (its own connection, cookies and credentials) sent the
// scenario's ask-own-data message with each customer's session id. When the reply shows that
// customer's canaries (any form the matcher knows, masked ones included: they still come from
// the customer's conversation), the session id alone gave the second client the conversation.
// One finding per customer, naming every kind of data shown.
class SessionIdReuseCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/session-id-reuse"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override;
};

core::CheckRegistration<ProbeCheck, SessionIdReuseCheck> registration;

// "a, b and c" (or "a,b,c" with `separator` ",", `last` ",").
std::string joined(const std::vector<std::string>& items, const std::string& separator,
                   const std::string& last) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == items.size() ? last : separator) + items[i];
    }
    return out;
}

std::vector<core::Finding> SessionIdReuseCheck::check(const ProbeEvidence& evidence) const {
    const ProbeRun& run = evidence.run;
    runtime::probe::CanaryMatcher matcher(run.customers);
    std::vector<core::Finding> findings;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const Turn& turn = run.turns[i];
        if (!turn.secondClient) {
            continue;
        }
        std::set<CanaryKind> kinds;
        std::string firstSink;
        std::string firstTransformation;
        for (const runtime::probe::ReplyPart& part : turn.reply) {
            for (const CanaryMatch& match : matcher.find(part.text)) {
                if (match.customer == turn.customer && kinds.insert(match.kind).second &&
                    firstSink.empty()) {
                    firstSink = part.field;
                    firstTransformation = match.transformation;
                }
            }
        }
        if (kinds.empty()) {
            continue;
        }
        const std::string& customer = run.customers[static_cast<size_t>(turn.customer)].id;
        std::vector<std::string> names;
        std::vector<std::string> categories;
        for (CanaryKind kind : kinds) {
            names.push_back(runtime::probe::canaryKindName(kind));
            categories.push_back(runtime::probe::canaryCategory(kind));
        }

        core::Finding finding;
        finding.ruleId = ruleId();
        finding.message =
            "A second client that sent customer " + customer + "'s session id was shown " +
            customer + "'s " + joined(names, ", ", " and ") + " (" + firstSink + ", " +
            firstTransformation + "): the session id alone gives access to the conversation. " +
            replayHint(run, turn) + ".";
        finding.location = transcriptLocation(evidence, i);
        finding.logicalLocation = turnLogicalLocation(evidence, turn);
        if (auto sent = turnWhereSent(run, turn.customer, *kinds.begin())) {
            finding.related.push_back(
                {transcriptLocation(evidence, *sent),
                 "customer " + customer + " sent the " + names.front() + " here"});
        }
        finding.categories = categories;
        finding.properties = {
            {"victim", customer},
            {"observer", std::string("second client")},
            {"sink", "reply " + firstSink},
            {"canaryType", joined(categories, ",", ",")},
            {"transformation", firstTransformation},
            {"seed", std::to_string(run.schedule.seed)},
            {"step", static_cast<double>(turn.step)},
        };
        findings.push_back(std::move(finding));
    }
    return findings;
}

} // namespace

} // namespace privaudit::checks
