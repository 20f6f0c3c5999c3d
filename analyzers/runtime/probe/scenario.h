#pragma once

#include "analyzers/runtime/probe/canaries.h"
#include "core/doc_tree.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime::probe {

// What a customer's message is for, so that checks know which turn asked for a human or
// whether the customer is talking to a bot.
enum class Intent {
    Identify,         // introduces themself: name, birth date
    GiveAddress,      // postal address, e-mail, phone
    GivePayment,      // IBAN, card, order number
    AskOwnData,       // "what do you know about me?"
    AskOtherCustomer, // "what did the last customer tell you?"
    AskHuman,         // an explicit request for a person
    AskBot,           // "are you a human?"
    Other,            // anything else
};

std::string_view intentName(Intent intent); // "identify", "give-address", ...
std::optional<Intent> parseIntent(std::string_view name);

struct ScenarioTurn {
    Intent intent = Intent::Other;
    std::string message; // with {name}, {email}, ... for the customer's canaries
    int line = 0;        // of the message in the scenario file
};

// A conversation every synthetic customer follows: round r sends turn r modulo the number of
// turns, so any number of rounds works.
struct Scenario {
    std::string source; // the file, or "builtin:en"
    std::string language;
    std::vector<ScenarioTurn> turns;

    const ScenarioTurn& turnFor(int round) const;
    // The first turn that asks for the customer's own data, if any: what a second client sends
    // to find out whether it is given someone else's conversation.
    const ScenarioTurn* askOwnDataTurn() const;
};

// The scenario in a YAML document:
//     language: en            # optional
//     turns:
//       - intent: identify
//         message: "Hi, my name is {name}, born {birth_date}."
// Throws std::runtime_error "SOURCE:LINE: what is wrong" for anything else: unknown keys,
// intents or placeholders, no turns, an empty message, canaries in a turn that asks for
// something (intents ask-*), whose reply could then echo them back and look like a leak.
Scenario scenarioFromDocument(const core::DocNode& document, const std::string& source);

// The turn's message with the customer's values in place of {name}, {email}, {phone}, {iban},
// {card}, {birth_date}, {address} and {order}; {{ and }} are literal braces.
std::string renderMessage(const ScenarioTurn& turn, const SyntheticCustomer& customer);

} // namespace privaudit::runtime::probe
