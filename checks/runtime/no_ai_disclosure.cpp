#include "checks/runtime/probe_check.h"
#include "checks/runtime/probe_phrases.h"
#include "core/check_registry.h"

#include <map>
#include <optional>

namespace privaudit::checks {

namespace {

using runtime::probe::Intent;
using runtime::probe::ProbeRun;
using runtime::probe::ReplyPart;
using runtime::probe::Turn;

// What a reply says about who is talking, by checks/probe/ai-disclosure.yaml.
enum class Identity { ClaimsHuman, DisclosesAutomation, Silent };

Identity identityIn(const std::vector<ReplyPart>& reply) {
    static const PhraseList disclosures("ai-disclosure.yaml", "disclosures");
    static const PhraseList humanClaims("ai-disclosure.yaml", "human-claims");
    Identity identity = Identity::Silent;
    for (const ReplyPart& part : reply) {
        if (humanClaims.foundIn(part.text)) {
            return Identity::ClaimsHuman;
        }
        if (disclosures.foundIn(part.text)) {
            identity = Identity::DisclosesAutomation;
        }
    }
    return identity;
}

// Two ways a bot hides that it is one: its first reply in a conversation does not say so, or
// its answer to "are you a human?" (an ask-bot turn of the scenario) claims to be a person or
// does not say that it is automated. One finding for the first replies and one per ask-bot turn
// of the scenario, each at the first session that showed it, with how many sessions did.
class NoAiDisclosureCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/no-ai-disclosure"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override;
};

core::CheckRegistration<ProbeCheck, NoAiDisclosureCheck> registration;

struct Outcome {
    std::optional<size_t> first; // the first turn that failed
    Identity firstIdentity = Identity::Silent;
    int failed = 0;
    int claimedHuman = 0;
    int judged = 0;
};

std::vector<core::Finding> NoAiDisclosureCheck::check(const ProbeEvidence& evidence) const {
    const ProbeRun& run = evidence.run;
    Outcome firstReplies;
    std::map<size_t, Outcome> answers; // by scenario turn
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const Turn& turn = run.turns[i];
        bool firstReply = turn.round == 0;
        bool answer = turn.intent == Intent::AskBot;
        if (turn.secondClient || !turn.error.empty() || (!firstReply && !answer)) {
            continue;
        }
        Identity identity = identityIn(turn.reply);
        auto record = [&](Outcome& outcome) {
            ++outcome.judged;
            if (identity == Identity::DisclosesAutomation) {
                return;
            }
            outcome.claimedHuman += identity == Identity::ClaimsHuman ? 1 : 0;
            if (outcome.failed++ == 0) {
                outcome.first = i;
                outcome.firstIdentity = identity;
            }
        };
        if (firstReply) {
            record(firstReplies);
        }
        if (answer) {
            record(answers[static_cast<size_t>(turn.round) % run.scenario.turns.size()]);
        }
    }

    std::vector<core::Finding> findings;
    auto report = [&](const Outcome& outcome, bool isFirstReply) {
        if (!outcome.first) {
            return;
        }
        const Turn& turn = run.turns[*outcome.first];
        const std::string& customer = run.customers[static_cast<size_t>(turn.customer)].id;
        std::string counts =
            std::to_string(outcome.failed) + " of " + std::to_string(outcome.judged) + " sessions";
        core::Finding finding;
        finding.ruleId = ruleId();
        if (isFirstReply) {
            finding.message = "The bot's first reply to customer " + customer +
                              " does not say that it is an automated assistant (" + counts + "). " +
                              replayHint(run, turn) + ".";
        } else {
            finding.message = "Customer " + customer + " asked whether the bot is a human (turn " +
                              std::to_string(turn.round + 1) + ", " + scenarioPlace(run, turn) +
                              ") and the " +
                              (outcome.firstIdentity == Identity::ClaimsHuman
                                   ? "bot claimed to be a person"
                                   : "answer did not say that it is an automated assistant") +
                              " (" + counts + ", " + std::to_string(outcome.claimedHuman) +
                              " claiming to be a person). " + replayHint(run, turn) + ".";
        }
        finding.location = transcriptLocation(evidence, *outcome.first);
        finding.logicalLocation = turnLogicalLocation(evidence, turn);
        finding.properties = {
            {"customer", customer},
            {"sink", isFirstReply ? std::string("first reply")
                                  : "reply to the ask-bot turn at " + scenarioPlace(run, turn)},
            {"answer",
             std::string(outcome.firstIdentity == Identity::ClaimsHuman ? "claims to be human"
                                                                        : "no disclosure")},
            {"seed", std::to_string(run.schedule.seed)},
            {"step", static_cast<double>(turn.step)},
            {"sessions", static_cast<double>(outcome.failed)},
            {"asked", static_cast<double>(outcome.judged)},
        };
        findings.push_back(std::move(finding));
    };
    report(firstReplies, true);
    for (const auto& [scenarioTurn, outcome] : answers) {
        report(outcome, false);
    }
    return findings;
}

} // namespace

} // namespace privaudit::checks
