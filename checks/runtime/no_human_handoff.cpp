#include "checks/runtime/probe_check.h"
#include "checks/runtime/probe_phrases.h"
#include "core/check_registry.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace privaudit::checks {

namespace {

using runtime::probe::Intent;
using runtime::probe::ProbeRun;
using runtime::probe::ReplyPart;
using runtime::probe::Turn;

// What checks/probe/handoff.yaml counts as handing the conversation to a person.
class HandoffSignals {
public:
    static const HandoffSignals& instance() {
        static const HandoffSignals signals;
        return signals;
    }

    bool handsOff(const std::vector<ReplyPart>& reply) const {
        for (const ReplyPart& part : reply) {
            if (phrases_.foundIn(part.text) && !refusals_.foundIn(part.text)) {
                return true;
            }
            if (part.field.ends_with("/payload") && buttonPayloads_.foundIn(part.text)) {
                return true;
            }
            nlohmann::json payload = nlohmann::json::parse(part.text, nullptr, false);
            if (payload.is_structured() && structuredSignal(payload)) {
                return true;
            }
        }
        return false;
    }

private:
    // A key naming a hand-off anywhere in a custom payload, or an action, event, type, intent,
    // name or command whose value names one.
    bool structuredSignal(const nlohmann::json& node) const {
        if (node.is_array()) {
            return std::ranges::any_of(node,
                                       [&](const auto& item) { return structuredSignal(item); });
        }
        if (!node.is_object()) {
            return false;
        }
        static const std::set<std::string> namingKeys = {"action", "event", "type",
                                                         "intent", "name",  "command"};
        for (const auto& [key, value] : node.items()) {
            if (signalKeys_.foundIn(key) ||
                (namingKeys.contains(key) && value.is_string() &&
                 signalValues_.foundIn(value.template get<std::string>())) ||
                structuredSignal(value)) {
                return true;
            }
        }
        return false;
    }

    PhraseList phrases_{"handoff.yaml", "phrases"};
    PhraseList refusals_{"handoff.yaml", "refusals"};
    PhraseList signalKeys_{"handoff.yaml", "signal-keys"};
    PhraseList signalValues_{"handoff.yaml", "signal-values"};
    PhraseList buttonPayloads_{"handoff.yaml", "button-payloads"};
};

// A customer asked for a person (an ask-human turn of the scenario) and neither the reply to
// that message nor the reply to the customer's next one hands off: no hand-off phrase (English
// or German, not refused), no hand-off button, no structured signal in a custom payload. One
// finding per ask-human turn of the scenario, at the first session that got no hand-off, with
// how many of the sessions that asked got none. A request whose second reply is missing (the
// run ended, the message failed) is judged only when its first reply hands off.
class NoHumanHandoffCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/no-human-handoff"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override;
};

core::CheckRegistration<ProbeCheck, NoHumanHandoffCheck> registration;

std::vector<core::Finding> NoHumanHandoffCheck::check(const ProbeEvidence& evidence) const {
    const ProbeRun& run = evidence.run;
    const HandoffSignals& signals = HandoffSignals::instance();
    std::map<std::pair<int, int>, size_t> ownTurn; // (customer, round) → index in turns
    for (size_t i = 0; i < run.turns.size(); ++i) {
        if (!run.turns[i].secondClient) {
            ownTurn[{run.turns[i].customer, run.turns[i].round}] = i;
        }
    }
    struct Outcome {
        size_t request = 0;   // the first request that got no hand-off
        size_t nextReply = 0; // the reply after it
        int ignored = 0;
        int judged = 0;
    };
    std::map<size_t, Outcome> byScenarioTurn;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const Turn& turn = run.turns[i];
        if (turn.secondClient || turn.intent != Intent::AskHuman || !turn.error.empty()) {
            continue;
        }
        Outcome& outcome =
            byScenarioTurn[static_cast<size_t>(turn.round) % run.scenario.turns.size()];
        if (signals.handsOff(turn.reply)) {
            ++outcome.judged;
            continue;
        }
        auto next = ownTurn.find({turn.customer, turn.round + 1});
        if (next == ownTurn.end() || !run.turns[next->second].error.empty()) {
            continue;
        }
        ++outcome.judged;
        if (signals.handsOff(run.turns[next->second].reply)) {
            continue;
        }
        if (outcome.ignored++ == 0) {
            outcome.request = i;
            outcome.nextReply = next->second;
        }
    }

    std::vector<core::Finding> findings;
    for (const auto& [scenarioTurn, outcome] : byScenarioTurn) {
        if (outcome.ignored == 0) {
            continue;
        }
        const Turn& turn = run.turns[outcome.request];
        const std::string& customer = run.customers[static_cast<size_t>(turn.customer)].id;
        core::Finding finding;
        finding.ruleId = ruleId();
        finding.message = "Customer " + customer + " asked for a human (turn " +
                          std::to_string(turn.round + 1) + ", " + scenarioPlace(run, turn) +
                          ") and neither that reply nor the next one handed off; " +
                          std::to_string(outcome.ignored) + " of " +
                          std::to_string(outcome.judged) +
                          " sessions that asked got no hand-off. " + replayHint(run, turn) + ".";
        finding.location = transcriptLocation(evidence, outcome.request);
        finding.logicalLocation = turnLogicalLocation(evidence, turn);
        finding.related.push_back(
            {transcriptLocation(evidence, outcome.nextReply), "the next reply, still no hand-off"});
        finding.properties = {
            {"customer", customer},
            {"sink", "replies to the ask-human turn at " + scenarioPlace(run, turn)},
            {"seed", std::to_string(run.schedule.seed)},
            {"step", static_cast<double>(turn.step)},
            {"sessions", static_cast<double>(outcome.ignored)},
            {"asked", static_cast<double>(outcome.judged)},
        };
        findings.push_back(std::move(finding));
    }
    return findings;
}

} // namespace

} // namespace privaudit::checks
