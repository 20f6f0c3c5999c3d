#include "analyzers/runtime/probe/scenario.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace privaudit::runtime::probe {

namespace {

constexpr std::array<std::pair<std::string_view, Intent>, 8> intents = {{
    {"identify", Intent::Identify},
    {"give-address", Intent::GiveAddress},
    {"give-payment", Intent::GivePayment},
    {"ask-own-data", Intent::AskOwnData},
    {"ask-other-customer", Intent::AskOtherCustomer},
    {"ask-human", Intent::AskHuman},
    {"ask-bot", Intent::AskBot},
    {"other", Intent::Other},
}};

constexpr std::array<std::pair<std::string_view, CanaryKind>, 8> placeholders = {{
    {"name", CanaryKind::Name},
    {"email", CanaryKind::Email},
    {"phone", CanaryKind::Phone},
    {"iban", CanaryKind::Iban},
    {"card", CanaryKind::Card},
    {"birth_date", CanaryKind::BirthDate},
    {"address", CanaryKind::Address},
    {"order", CanaryKind::OrderNumber},
}};

[[noreturn]] void fail(const std::string& source, int line, const std::string& message) {
    throw std::runtime_error(source + ":" + std::to_string(line) + ": " + message);
}

// Walks a message template: literal text to `text`, each placeholder's name to `placeholder`.
// Returns an error message, empty when the template is well formed.
template <class Text, class Placeholder>
std::string walkTemplate(std::string_view message, Text text, Placeholder placeholder) {
    for (size_t i = 0; i < message.size(); ++i) {
        if (message.substr(i, 2) == "{{" || message.substr(i, 2) == "}}") {
            text(message[i]);
            ++i;
        } else if (message[i] == '}') {
            return "a lone '}' (write }} for a literal brace)";
        } else if (message[i] == '{') {
            size_t end = message.find('}', i);
            if (end == std::string_view::npos) {
                return "a '{' without its '}' (write {{ for a literal brace)";
            }
            std::string_view name = message.substr(i + 1, end - i - 1);
            auto known = std::ranges::find(placeholders, name,
                                           &std::pair<std::string_view, CanaryKind>::first);
            if (known == placeholders.end()) {
                return "unknown placeholder {" + std::string(name) +
                       "}; known: {name} {email} {phone} {iban} {card} {birth_date} {address} "
                       "{order}";
            }
            placeholder(known->second);
            i = end;
        } else {
            text(message[i]);
        }
    }
    return {};
}

bool asksSomething(Intent intent) {
    return intent == Intent::AskOwnData || intent == Intent::AskOtherCustomer ||
           intent == Intent::AskHuman || intent == Intent::AskBot;
}

ScenarioTurn turnFrom(const core::DocNode& node, const std::string& source) {
    if (!node.isMapping()) {
        fail(source, node.line, "a turn must be a mapping with 'intent' and 'message'");
    }
    for (const auto& [key, value] : node.entries) {
        if (key.scalar != "intent" && key.scalar != "message") {
            fail(source, key.line,
                 "unknown key '" + key.scalar + "' in a turn (known: intent, message)");
        }
    }
    const core::DocNode* intent = node.find("intent");
    const core::DocNode* message = node.find("message");
    if (!intent || !message) {
        fail(source, node.line,
             std::string("the turn has no '") + (intent ? "message" : "intent") + "'");
    }
    auto parsed = parseIntent(intent->scalar);
    if (!intent->isScalar() || !parsed) {
        fail(source, intent->line,
             "unknown intent '" + intent->scalar +
                 "' (known: identify, give-address, give-payment, ask-own-data, "
                 "ask-other-customer, ask-human, ask-bot, other)");
    }
    if (!message->isScalar() || message->scalar.empty()) {
        fail(source, message->line, "the message must be non-empty text");
    }
    bool hasPlaceholder = false;
    std::string error =
        walkTemplate(message->scalar, [](char) {}, [&](CanaryKind) { hasPlaceholder = true; });
    if (!error.empty()) {
        fail(source, message->line, error);
    }
    if (hasPlaceholder && asksSomething(*parsed)) {
        fail(source, message->line,
             "a " + intent->scalar +
                 " turn must not carry the customer's data: a reply echoing it would look like "
                 "a leak; give it in an identify, give-* or other turn");
    }
    return {*parsed, message->scalar, message->line};
}

} // namespace

std::string_view intentName(Intent intent) {
    auto found = std::ranges::find(intents, intent, &std::pair<std::string_view, Intent>::second);
    return found->first;
}

std::optional<Intent> parseIntent(std::string_view name) {
    auto found = std::ranges::find(intents, name, &std::pair<std::string_view, Intent>::first);
    return found == intents.end() ? std::nullopt : std::optional(found->second);
}

const ScenarioTurn& Scenario::turnFor(int round) const {
    return turns[static_cast<size_t>(round) % turns.size()];
}

const ScenarioTurn* Scenario::askOwnDataTurn() const {
    auto found = std::ranges::find(turns, Intent::AskOwnData, &ScenarioTurn::intent);
    return found == turns.end() ? nullptr : &*found;
}

Scenario scenarioFromDocument(const core::DocNode& document, const std::string& source) {
    if (!document.isMapping()) {
        fail(source, std::max(document.line, 1), "a scenario is a mapping with 'turns'");
    }
    Scenario scenario{source, {}, {}};
    for (const auto& [key, value] : document.entries) {
        if (key.scalar == "language") {
            if (!value.isScalar() || value.scalar.empty()) {
                fail(source, value.line, "'language' must be a language code such as en or de");
            }
            scenario.language = value.scalar;
        } else if (key.scalar == "turns") {
            if (!value.isSequence() || value.items.empty()) {
                fail(source, value.line, "'turns' must be a non-empty list of turns");
            }
            for (const core::DocNode& item : value.items) {
                scenario.turns.push_back(turnFrom(item, source));
            }
        } else {
            fail(source, key.line,
                 "unknown key '" + key.scalar + "' in a scenario (known: language, turns)");
        }
    }
    if (scenario.turns.empty()) {
        fail(source, std::max(document.line, 1), "the scenario has no 'turns'");
    }
    return scenario;
}

std::string renderMessage(const ScenarioTurn& turn, const SyntheticCustomer& customer) {
    std::string out;
    walkTemplate(
        turn.message, [&](char c) { out += c; },
        [&](CanaryKind kind) { out += customer.canary(kind).value; });
    return out;
}

} // namespace privaudit::runtime::probe
