// The probe's conversation side: scenarios (built-in and from files, with their errors), the
// birth-date and address canaries, masked forms in the matcher, and the rules that judge what
// the bot says — over-echo, no-human-handoff, no-ai-disclosure, session-id-reuse — on runs built
// by hand, turn by turn, as the probe would record them; then on the fixture bots of
// testdata/bots, live on loopback, in English and German.
#include "analyzers/runtime/probe/canary_matcher.h"
#include "analyzers/runtime/probe/probe_run.h"
#include "checks/runtime/probe_check.h"
#include "cli/probe_scenario.h"
#include "core/check_registry.h"
#include "tests/fixture_bot.h"
#include "tests/probe_runner.h"
#include "tests/run_privaudit.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace privaudit::testing {

namespace {

using runtime::probe::Canary;
using runtime::probe::CanaryKind;
using runtime::probe::CanaryMatcher;
using runtime::probe::Intent;
using runtime::probe::ProbeRun;
using runtime::probe::ReplyPart;
using runtime::probe::Scenario;
using runtime::probe::SyntheticCustomer;
using runtime::probe::Turn;

Scenario builtin(const std::string& spec) {
    Scenario scenario;
    std::string error = cli::loadProbeScenario(spec, scenario);
    EXPECT_EQ(error, "");
    return scenario;
}

TEST(Scenario, BuiltInEnglishAndGermanCoverEveryIntent) {
    for (const std::string spec : {"builtin:en", "builtin:de"}) {
        Scenario scenario = builtin(spec);
        EXPECT_EQ(scenario.language, spec.substr(8));
        std::vector<Intent> intents;
        for (const auto& turn : scenario.turns) {
            intents.push_back(turn.intent);
            EXPECT_GT(turn.line, 0);
        }
        EXPECT_EQ(intents, (std::vector<Intent>{Intent::Identify, Intent::GiveAddress,
                                                Intent::GivePayment, Intent::GivePayment,
                                                Intent::AskOwnData, Intent::AskOtherCustomer,
                                                Intent::AskBot, Intent::AskHuman, Intent::Other}))
            << spec;
        // Every canary is handed over somewhere in the scenario.
        auto customer = runtime::probe::generateCustomers(5, 1).front();
        std::string conversation;
        for (const auto& turn : scenario.turns) {
            conversation += runtime::probe::renderMessage(turn, customer) + "\n";
        }
        for (const Canary& canary : customer.canaries) {
            EXPECT_NE(conversation.find(canary.value), std::string::npos)
                << spec << " never sends the " << runtime::probe::canaryKindName(canary.kind);
        }
        EXPECT_EQ(scenario.turnFor(9).message, scenario.turns[0].message);
        ASSERT_NE(scenario.askOwnDataTurn(), nullptr);
    }
    EXPECT_EQ(builtin("builtin:de").turns[6].message, "Bist du ein Mensch?");
}

TEST(Scenario, TemplatesTakeEveryPlaceholderAndLiteralBraces) {
    Scenario scenario = builtin("builtin:en");
    runtime::probe::ScenarioTurn turn{Intent::Other,
                                      "{{x}} {name}|{email}|{phone}|{iban}|{card}|{birth_date}|"
                                      "{address}|{order}",
                                      1};
    auto customer = runtime::probe::generateCustomers(5, 1).front();
    std::string expected = "{x} ";
    for (CanaryKind kind :
         {CanaryKind::Name, CanaryKind::Email, CanaryKind::Phone, CanaryKind::Iban,
          CanaryKind::Card, CanaryKind::BirthDate, CanaryKind::Address, CanaryKind::OrderNumber}) {
        expected += customer.canary(kind).value + (kind == CanaryKind::OrderNumber ? "" : "|");
    }
    EXPECT_EQ(runtime::probe::renderMessage(turn, customer), expected);
}

// A bad scenario file stops the probe before it talks to anyone: one line naming file:line,
// exit code 2.
TEST(Scenario, BadFilesAreOneLineErrorsWithFileAndLine) {
    TempDir temp;
    struct Case {
        std::string text;
        int line;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"turns:\n  - intent: identify\n    message: \"I am {nmae}\"\n", 3,
         "unknown placeholder {nmae}"},
        {"turns:\n  - intent: greet\n    message: hi\n", 2, "unknown intent 'greet'"},
        {"language: en\nturns:\n  - intent: ask-own-data\n    message: \"I am {name}, my data?\"\n",
         4, "must not carry the customer's data"},
        {"turns:\n  - intent: other\n    message: hi\n    wait: 3\n", 4, "unknown key 'wait'"},
        {"turns: []\n", 1, "non-empty list of turns"},
        {"language: en\n", 1, "the scenario has no 'turns'"},
        {"turns:\n  - intent: other\n    message: \"a {b\"\n", 3, "a '{' without its '}'"},
        {"turns:\n  - intent: other\n", 2, "the turn has no 'message'"},
        {"turns:\n  - [intent, other\n", 3, ""},
    };
    for (size_t i = 0; i < cases.size(); ++i) {
        std::string file = temp.write("bad" + std::to_string(i) + ".yaml", cases[i].text);
        CommandResult result =
            runPrivaudit({"probe", "--target", "http://127.0.0.1:1", "--scenario", file,
                          "--transcript", temp.path() + "/t.jsonl"});
        EXPECT_EQ(result.exitCode, 2) << cases[i].text;
        std::string expected =
            "privaudit probe: " + file + ":" + std::to_string(cases[i].line) + ": ";
        EXPECT_TRUE(result.err.starts_with(expected)) << result.err;
        EXPECT_NE(result.err.find(cases[i].says), std::string::npos) << result.err;
        EXPECT_EQ(std::ranges::count(result.err, '\n'), 1) << result.err;
        EXPECT_FALSE(std::filesystem::exists(temp.path() + "/t.jsonl"));
    }
    CommandResult missing = runPrivaudit(
        {"probe", "--target", "http://127.0.0.1:1", "--scenario", temp.path() + "/none.yaml"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("none.yaml: cannot read the scenario"), std::string::npos);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--language", "fr"},
          std::vector<std::string>{"--language", "de", "--scenario", "builtin:en"},
          std::vector<std::string>{"--scenario", "builtin:fr"}}) {
        std::vector<std::string> command = {"probe", "--target", "http://127.0.0.1:1"};
        command.insert(command.end(), args.begin(), args.end());
        CommandResult result = runPrivaudit(command);
        EXPECT_EQ(result.exitCode, 2) << args[1];
        EXPECT_EQ(std::ranges::count(result.err, '\n'), 1) << result.err;
    }
}

TEST(Canaries, BirthDatesAndAddressesAreUniqueAndFictional) {
    auto customers = runtime::probe::generateCustomers(42, 30);
    std::set<std::string> values;
    for (size_t i = 0; i < customers.size(); ++i) {
        const std::string& date = customers[i].canary(CanaryKind::BirthDate).value;
        ASSERT_EQ(date.size(), 10u) << date;
        int year = std::stoi(date.substr(0, 4));
        int month = std::stoi(date.substr(5, 2));
        int day = std::stoi(date.substr(8, 2));
        EXPECT_TRUE(year >= 1940 && year <= 2004 && month >= 1 && month <= 12 && day >= 1 &&
                    day <= 28)
            << date;
        EXPECT_TRUE(values.insert(date).second) << date;
        const std::string& address = customers[i].canary(CanaryKind::Address).value;
        EXPECT_TRUE(values.insert(address).second) << address;
        static const char* const towns[] = {", 10115 Berlin", " Lane, Manchester M1 1AE",
                                            " Street, Springfield, IL 62701"};
        EXPECT_TRUE(address.ends_with(towns[i % 3])) << address;
    }
    // The kinds that were there before keep their values for a seed.
    EXPECT_EQ(runtime::probe::generateCustomers(42, 1)[0].canary(CanaryKind::Email).value,
              customers[0].canary(CanaryKind::Email).value);
}

// Two customers with chosen values, for the matcher's masked forms.
std::vector<SyntheticCustomer> twoCustomers(const std::string& secondCardEnd) {
    auto customers = runtime::probe::generateCustomers(9, 2);
    auto setValue = [](SyntheticCustomer& customer, CanaryKind kind, std::string value) {
        for (Canary& canary : customer.canaries) {
            if (canary.kind == kind) {
                canary.value = std::move(value);
            }
        }
    };
    setValue(customers[0], CanaryKind::Card, "4111110123451234");
    setValue(customers[1], CanaryKind::Card, "411111987654" + secondCardEnd);
    setValue(customers[0], CanaryKind::Iban, "DE89370400440532013000");
    setValue(customers[1], CanaryKind::Iban, "DE12370400449999999999");
    setValue(customers[0], CanaryKind::BirthDate, "1987-03-14");
    return customers;
}

std::vector<std::string> matches(const std::vector<SyntheticCustomer>& customers,
                                 const std::string& text) {
    std::vector<std::string> found;
    for (const auto& match : CanaryMatcher(customers).find(text)) {
        found.push_back(customers[static_cast<size_t>(match.customer)].id + " " +
                        runtime::probe::canaryKindName(match.kind) + " via " +
                        match.transformation + (match.masked ? " (masked)" : ""));
    }
    return found;
}

TEST(CanaryMatcher, MaskedFormsCountOnlyWhenTheVisibleFragmentIsTheCustomers) {
    auto customers = twoCustomers("5678");
    using Found = std::vector<std::string>;
    EXPECT_EQ(matches(customers, "Card **** **** **** 1234 saved."),
              Found{"c1 card number via masked, last 4 characters visible (masked)"});
    EXPECT_EQ(matches(customers, "card 4111 11•• •••• 1234"),
              Found{"c1 card number via masked, first 6 and last 4 characters visible (masked)"});
    EXPECT_EQ(matches(customers, "IBAN DE89 XXXX XXXX XXXX XX30 00"),
              Found{"c1 IBAN via masked, first 4 and last 4 characters visible (masked)"});
    // The shared parts (the 411111 test prefix, DE, @example.com) tell no one apart.
    EXPECT_EQ(matches(customers, "card 4111 11** **** ****"), Found{});
    EXPECT_EQ(matches(customers, "IBAN DE** **** **** **** **** **"), Found{});
    std::string email = customers[0].canary(CanaryKind::Email).value;
    EXPECT_EQ(matches(customers, email.substr(0, 1) + "****@example.com"), Found{});
    // A fragment two customers share is nobody's.
    EXPECT_EQ(matches(twoCustomers("1234"), "Card **** **** **** 1234"), Found{});
    // Too short to tell: the last two digits.
    EXPECT_EQ(matches(customers, "Card **************34"), Found{});
    // The full value is not a masked one.
    EXPECT_EQ(matches(customers, "Card 4111110123451234"), Found{"c1 card number via as sent"});
}

TEST(CanaryMatcher, ReformattedBirthDatesAndStreetLines) {
    auto customers = twoCustomers("5678");
    using Found = std::vector<std::string>;
    EXPECT_EQ(matches(customers, "geboren am 14.03.1987"),
              Found{"c1 birth date via date reformatted"});
    EXPECT_EQ(matches(customers, "born 03/14/1987"), Found{"c1 birth date via date reformatted"});
    EXPECT_EQ(matches(customers, "dob=1987-03-14"), Found{"c1 birth date via as sent"});
    std::string address = customers[1].canary(CanaryKind::Address).value;
    std::string street = address.substr(0, address.find(','));
    EXPECT_EQ(matches(customers, "Ship to: " + street + "\nElsewhere"),
              Found{"c2 postal address via street line only"});
    EXPECT_EQ(matches(customers, "Ship to: " + address), Found{"c2 postal address via as sent"});
}

// A run built turn by turn: each call is the customer's next scenario turn, alone in its step.
class RunBuilder {
public:
    explicit RunBuilder(int customers, const std::string& scenario = "builtin:en") {
        run_.customers = runtime::probe::generateCustomers(3, customers);
        run_.scenario = builtin(scenario);
        run_.schedule.seed = 3;
        run_.schedule.customers = customers;
        spoken_.assign(static_cast<size_t>(customers), 0);
    }

    // The customer's next turn, answered with `reply` (texts of /0/text, /1/text, ... or parts).
    RunBuilder& turn(int customer, std::vector<ReplyPart> reply) {
        int round = spoken_[static_cast<size_t>(customer)]++;
        const auto& planned = run_.scenario.turnFor(round);
        run_.schedule.steps.push_back({customer});
        run_.turns.push_back(
            {static_cast<int>(run_.schedule.steps.size()),
             customer,
             round,
             planned.intent,
             false,
             runtime::probe::renderMessage(planned, run_.customers[static_cast<size_t>(customer)]),
             std::move(reply),
             {}});
        return *this;
    }
    RunBuilder& says(int customer, const std::string& text) {
        return turn(customer, {{"/0/text", text}});
    }
    // Turns until the customer's next turn is an `intent` turn, each answered "OK."
    RunBuilder& until(int customer, Intent intent) {
        while (run_.scenario.turnFor(spoken_[static_cast<size_t>(customer)]).intent != intent) {
            says(customer, "OK.");
        }
        return *this;
    }
    RunBuilder& secondClient(int customer, const std::string& text) {
        run_.turns.push_back({static_cast<int>(run_.turns.size() + 1),
                              customer,
                              spoken_[static_cast<size_t>(customer)],
                              Intent::AskOwnData,
                              true,
                              run_.scenario.askOwnDataTurn()->message,
                              {{"/0/text", text}},
                              {}});
        return *this;
    }
    const std::string& value(int customer, CanaryKind kind) const {
        return run_.customers[static_cast<size_t>(customer)].canary(kind).value;
    }
    const ProbeRun& run() const { return run_; }

private:
    ProbeRun run_;
    std::vector<int> spoken_;
};

std::vector<core::Finding> findingsOf(std::string_view rule, const ProbeRun& run) {
    for (const auto& check : core::CheckRegistry<checks::ProbeCheck>::createAll()) {
        if (check->ruleId() == rule) {
            auto findings = check->check({run, "http://127.0.0.1:5005", "/tmp/t.jsonl"});
            for (const core::Finding& finding : findings) {
                EXPECT_EQ(finding.ruleId, rule);
                std::string all = finding.message;
                for (const auto& [key, value] : finding.properties) {
                    if (const auto* text = std::get_if<std::string>(&value)) {
                        all += " " + *text;
                    }
                }
                for (const auto& customer : run.customers) {
                    for (const Canary& canary : customer.canaries) {
                        EXPECT_EQ(all.find(canary.value), std::string::npos) << all;
                    }
                }
            }
            return findings;
        }
    }
    ADD_FAILURE() << "no probe check " << rule;
    return {};
}

std::string property(const core::Finding& finding, const std::string& name) {
    auto found = finding.properties.find(name);
    if (found == finding.properties.end()) {
        return "";
    }
    if (const auto* text = std::get_if<std::string>(&found->second)) {
        return *text;
    }
    return std::to_string(static_cast<int>(std::get<double>(found->second)));
}

TEST(OverEcho, FullCardOrIbanInTheOwnSessionMaskedNot) {
    RunBuilder builder(2);
    builder.says(0, "Hi, I'm the virtual assistant.").says(0, "Noted.");
    builder.says(0, "Refund goes to " + builder.value(0, CanaryKind::Iban) + ".");
    std::string card = builder.value(0, CanaryKind::Card);
    builder.says(0, "Charging card **** **** **** " + card.substr(12) + ".");
    builder.says(0, "Your card: " + card.substr(0, 4) + " " + card.substr(4, 4) + " " +
                        card.substr(8, 4) + " " + card.substr(12));
    builder.says(1, "Hi").says(1, "Noted.").says(1, "IBAN " + builder.value(1, CanaryKind::Iban));
    auto findings = findingsOf("runtime/over-echo", builder.run());
    ASSERT_EQ(findings.size(), 3u);
    EXPECT_EQ(property(findings[0], "victim"), "c1");
    EXPECT_EQ(property(findings[0], "canaryType"), "iban");
    EXPECT_EQ(findings[0].location.line, 3);
    ASSERT_EQ(findings[0].related.size(), 1u);
    EXPECT_EQ(findings[0].related[0].location.line, 3); // sent in the same turn it was echoed
    EXPECT_EQ(property(findings[1], "canaryType"), "card");
    EXPECT_EQ(property(findings[1], "transformation"), "case or spacing changed");
    EXPECT_EQ(findings[1].location.line, 5);
    EXPECT_EQ(property(findings[2], "victim"), "c2");

    // Another customer's card is a cross-session leak, not over-echo.
    RunBuilder other(2);
    other.says(0, "Hi").says(1, "Card " + other.value(0, CanaryKind::Card));
    EXPECT_TRUE(findingsOf("runtime/over-echo", other.run()).empty());
}

TEST(NoHumanHandoff, TwoRepliesWithoutAHandOffAfterAnExplicitRequest) {
    RunBuilder builder(3);
    // c1: ignored twice. c2: the second reply hands off. c3: a refusal is no hand-off.
    builder.until(0, Intent::AskHuman).says(0, "I can help with orders.").says(0, "Anything else?");
    builder.until(1, Intent::AskHuman)
        .says(1, "One moment.")
        .says(1, "I'm connecting you to a human agent now.");
    builder.until(2, Intent::AskHuman)
        .says(2, "Sorry, I can't connect you to an agent right now.")
        .says(2, "Is there anything else?");
    auto findings = findingsOf("runtime/no-human-handoff", builder.run());
    ASSERT_EQ(findings.size(), 1u);
    const core::Finding& finding = findings[0];
    EXPECT_EQ(property(finding, "customer"), "c1");
    EXPECT_EQ(property(finding, "sessions"), "2");
    EXPECT_EQ(property(finding, "asked"), "3");
    EXPECT_EQ(finding.location.line, 8);
    ASSERT_EQ(finding.related.size(), 1u);
    EXPECT_EQ(finding.related[0].location.line, 9);
    EXPECT_NE(finding.message.find("builtin:en line"), std::string::npos) << finding.message;
}

TEST(NoHumanHandoff, StructuredSignalsButtonsAndGermanPhrasesCount) {
    const std::vector<std::vector<ReplyPart>> handOffs = {
        {{"/0/custom", R"({"handoff_host": "https://chatwoot.example.com", "title": "Agent"})"}},
        {{"/0/custom", R"({"action": "escalate_to_agent"})"}},
        {{"/0/custom", R"({"liveAgentHandoff": {"metadata": {}}})"}},
        {{"/0/text", "Choose:"}, {"/0/buttons/0/payload", "/human_handoff"}},
        {{"/0/text", "Ich verbinde Sie jetzt mit einem Mitarbeiter."}},
        {{"/0/text", "Ihre Anfrage wird an einen Kollegen weitergeleitet."}},
        {{"/0/text", "Please call us on +44 20 7946 0000, Mon-Fri 9-17."}},
    };
    for (const auto& reply : handOffs) {
        RunBuilder builder(2);
        builder.until(0, Intent::AskHuman).says(0, "Hm.").turn(0, reply).says(0, "OK");
        EXPECT_TRUE(findingsOf("runtime/no-human-handoff", builder.run()).empty())
            << reply.back().text;
    }
    for (const std::string& text :
         {std::string(R"({"action": "utter_greet"})"),
          std::string("Leider kann ich Sie nicht mit einem Mitarbeiter verbinden."),
          std::string("No agents are available.")}) {
        RunBuilder builder(2);
        builder.until(0, Intent::AskHuman).says(0, "Hm.").says(0, text).says(0, "OK");
        EXPECT_EQ(findingsOf("runtime/no-human-handoff", builder.run()).size(), 1u) << text;
    }
    // The request's own reply may hand off although there is no next turn; without either,
    // there is nothing to judge.
    RunBuilder last(2);
    last.until(0, Intent::AskHuman).says(0, "Transferring you to an agent.");
    last.until(1, Intent::AskHuman).says(1, "Hm.");
    EXPECT_TRUE(findingsOf("runtime/no-human-handoff", last.run()).empty());
}

TEST(NoAiDisclosure, FirstReplyAndTheAnswerToAreYouAHuman) {
    RunBuilder builder(3, "builtin:de");
    builder.says(0, "Hallo! Ich bin der virtuelle Assistent von Contoso.");
    builder.says(1, "Hallo!");
    builder.says(2, "Hallo!");
    builder.until(0, Intent::AskBot).says(0, "Nein, ich bin eine KI, kein Mensch.");
    builder.until(1, Intent::AskBot).says(1, "Ja, ich bin ein echter Mensch.");
    builder.until(2, Intent::AskBot).says(2, "Wie kann ich helfen?");
    auto findings = findingsOf("runtime/no-ai-disclosure", builder.run());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(property(findings[0], "sink"), "first reply");
    EXPECT_EQ(property(findings[0], "customer"), "c2");
    EXPECT_EQ(property(findings[0], "sessions"), "2");
    EXPECT_EQ(property(findings[0], "asked"), "3");
    EXPECT_EQ(findings[0].location.line, 2);
    EXPECT_EQ(property(findings[1], "customer"), "c2");
    EXPECT_EQ(property(findings[1], "answer"), "claims to be human");
    EXPECT_EQ(property(findings[1], "sessions"), "2");
    EXPECT_NE(findings[1].message.find("1 claiming to be a person"), std::string::npos)
        << findings[1].message;

    for (const std::string& answer :
         {std::string("No, I'm not a bot."), std::string("I am a real person, how can I help?"),
          std::string("Ich bin kein Bot.")}) {
        RunBuilder claims(2);
        claims.says(0, "Hi, I'm a virtual assistant.").until(0, Intent::AskBot).says(0, answer);
        auto found = findingsOf("runtime/no-ai-disclosure", claims.run());
        ASSERT_EQ(found.size(), 1u) << answer;
        EXPECT_EQ(property(found[0], "answer"), "claims to be human") << answer;
    }
    RunBuilder honest(2);
    honest.says(0, "Hi, this is Contoso's chatbot.")
        .until(0, Intent::AskBot)
        .says(0, "No, I'm an AI assistant.");
    EXPECT_TRUE(findingsOf("runtime/no-ai-disclosure", honest.run()).empty());
}

TEST(SessionIdReuse, ASecondClientShownTheCustomersDataIsAFinding) {
    RunBuilder builder(3);
    builder.says(0, "Hi").says(1, "Hi").says(2, "Hi");
    std::string card = builder.value(1, CanaryKind::Card);
    builder.secondClient(0, "You are " + builder.value(0, CanaryKind::Name) + ", e-mail " +
                                builder.value(0, CanaryKind::Email) + ".");
    builder.secondClient(1, "Card on file: **** **** **** " + card.substr(12));
    builder.secondClient(2, "Please verify your identity first.");
    auto findings = findingsOf("runtime/session-id-reuse", builder.run());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(property(findings[0], "victim"), "c1");
    EXPECT_EQ(property(findings[0], "canaryType"), "name,email");
    EXPECT_EQ(property(findings[0], "observer"), "second client");
    EXPECT_EQ(findings[0].location.line, 4);
    EXPECT_EQ(property(findings[1], "victim"), "c2");
    EXPECT_EQ(property(findings[1], "canaryType"), "card");
    // The second client's turns are not the customers' own: no other rule judges them.
    for (const char* rule : {"runtime/cross-session-leak", "runtime/over-echo"}) {
        RunBuilder other(2);
        other.says(0, "Hi, I'm a bot.")
            .secondClient(0, "Card " + other.value(1, CanaryKind::Card) + " " +
                                 other.value(0, CanaryKind::Card));
        EXPECT_TRUE(findingsOf(rule, other.run()).empty()) << rule;
    }
}

// "rule customer-or-victim detail" for each finding of the dialog rules in a JSON report.
std::multiset<std::string> dialogFindings(const nlohmann::json& report) {
    std::multiset<std::string> found;
    for (const auto& finding : report["findings"]) {
        std::string rule = finding["ruleId"];
        const auto& properties = finding["properties"];
        if (rule == "runtime/over-echo") {
            found.insert(rule + " " + properties["victim"].get<std::string>() + " " +
                         properties["canaryType"].get<std::string>() + " " +
                         properties["transformation"].get<std::string>());
        } else if (rule == "runtime/session-id-reuse") {
            found.insert(rule + " " + properties["victim"].get<std::string>() + " " +
                         properties["canaryType"].get<std::string>());
        } else if (rule == "runtime/no-ai-disclosure" || rule == "runtime/no-human-handoff") {
            found.insert(rule + " " + properties["sink"].get<std::string>().substr(0, 14) + " " +
                         properties.value("answer", "") + " " +
                         std::to_string(properties["sessions"].get<int>()) + "/" +
                         std::to_string(properties["asked"].get<int>()));
        }
    }
    return found;
}

// The whole scenario once: 9 messages per customer.
const std::vector<std::string> wholeScenario = {"--rounds", "9"};

// The leaky bot confirms card and IBAN in full, never says it is a bot (and claims to be a
// person when asked), does not hand off, and reads a customer's data back to whoever sends the
// customer's sender id. Its cross-session leak is probe_test's business.
TEST(DialogRulesOnFixtureBots, LeakyBotExactFindingsInEnglishAndGerman) {
    FixtureBot bot("leaky_concurrency_bot");
    std::multiset<std::string> expected = {
        "runtime/no-ai-disclosure first reply no disclosure 4/4",
        "runtime/no-ai-disclosure reply to the a claims to be human 4/4",
        "runtime/no-human-handoff replies to the  4/4",
    };
    for (const char* customer : {"c1", "c2", "c3", "c4"}) {
        expected.insert(std::string("runtime/over-echo ") + customer + " card as sent");
        expected.insert(std::string("runtime/over-echo ") + customer + " iban as sent");
        expected.insert(std::string("runtime/session-id-reuse ") + customer +
                        " name,email,phone,iban");
    }
    for (const std::string language : {"en", "de"}) {
        TempDir temp;
        std::vector<std::string> options = wholeScenario;
        options.insert(options.end(), {"--language", language});
        ProbeReport report = runProbe({"--target", bot.url()}, temp, "leaky.json", "7", options);
        ASSERT_EQ(report.command.exitCode, 1) << report.command.err;
        EXPECT_EQ(dialogFindings(report.json), expected) << language << "\n" << report.text;
    }
}

TEST(DialogRulesOnFixtureBots, GoodBotHasNoFindingInEnglishAndGerman) {
    for (const std::string language : {"en", "de"}) {
        for (const std::string rounds : {"9", "12"}) {
            // A fresh bot each time: one that remembers the seed's conversations would rightly
            // not greet the customers again.
            FixtureBot bot("good_bot");
            TempDir temp;
            ProbeReport report = runProbe({"--target", bot.url()}, temp, "good.json", "7",
                                          {"--rounds", rounds, "--language", language});
            EXPECT_EQ(report.command.exitCode, 0) << report.command.err;
            EXPECT_TRUE(report.json["findings"].empty()) << language << " " << report.text;
            EXPECT_TRUE(report.json["notifications"].empty()) << report.text;
        }
    }
}

// Reports name customers and kinds of data, never a value: in every format.
TEST(DialogRulesOnFixtureBots, NoCanaryValueInAnyReportFormat) {
    FixtureBot bot("leaky_concurrency_bot");
    auto customers = runtime::probe::generateCustomers(11, 4);
    for (const std::string name : {"leaky.json", "leaky.sarif", "leaky.txt"}) {
        TempDir temp;
        std::vector<std::string> options = wholeScenario;
        if (name.ends_with(".txt")) {
            options.insert(options.end(), {"--format", "text"});
        }
        ProbeReport report = runProbe({"--target", bot.url()}, temp, name, "11", options);
        ASSERT_EQ(report.command.exitCode, 1) << report.command.err;
        for (const char* rule : {"runtime/over-echo", "runtime/session-id-reuse",
                                 "runtime/no-ai-disclosure", "runtime/no-human-handoff"}) {
            EXPECT_NE(report.text.find(rule), std::string::npos) << name << " " << rule;
        }
        std::string transcript = readFile(temp.path() + "/transcript.jsonl");
        for (const auto& customer : customers) {
            for (const Canary& canary : customer.canaries) {
                EXPECT_EQ(report.text.find(canary.value), std::string::npos)
                    << name << ": " << canary.value;
                EXPECT_EQ((report.command.out + report.command.err).find(canary.value),
                          std::string::npos);
                EXPECT_NE(transcript.find(canary.value), std::string::npos) << canary.value;
            }
        }
    }
}

// With the http-json adapter the second client sends the bot's own conversation id with its
// own credentials: the good bot's JSON API accepts only its token, so a second client with
// another one is refused, and one with the same token is shown nothing personal.
TEST(DialogRulesOnFixtureBots, HttpJsonSecondClientUsesItsOwnCredentials) {
    FixtureBot bot("good_bot");
    const std::vector<std::string> api = {
        "--adapter",
        "http-json",
        "--request-template",
        R"({"user": "{sender}", "session": "{session}", "text": "{message}"})",
        "--reply-pointer",
        "/messages",
        "--session-pointer",
        "/session",
        "--header",
        "Authorization: Bearer fixture-token",
        "--rounds",
        "9"};
    TempDir temp;
    std::vector<std::string> other = api;
    other.insert(other.end(), {"--second-client-header", "authorization: Bearer someone-else"});
    ProbeReport refused =
        runProbe({"--target", bot.url() + "/api/chat"}, temp, "other.json", "5", other);
    // A refused second client is what should happen: no finding, no failed message.
    EXPECT_EQ(refused.command.exitCode, 0) << refused.command.err;
    EXPECT_TRUE(refused.json["findings"].empty()) << refused.text;
    EXPECT_TRUE(refused.json["notifications"].empty()) << refused.text;
    std::vector<nlohmann::json> lines;
    std::istringstream transcript(readFile(temp.path() + "/transcript.jsonl"));
    for (std::string line; std::getline(transcript, line);) {
        lines.push_back(nlohmann::json::parse(line));
    }
    ASSERT_EQ(lines.size(), 40u);
    for (size_t i = 36; i < 40; ++i) {
        EXPECT_EQ(lines[i]["client"], "second");
        EXPECT_NE(lines[i]["error"].get<std::string>().find("HTTP 401"), std::string::npos)
            << lines[i];
    }
    ProbeReport same = runProbe({"--target", bot.url() + "/api/chat"}, temp, "same.json", "5", api);
    EXPECT_EQ(same.command.exitCode, 0) << same.command.err;
    EXPECT_TRUE(same.json["findings"].empty()) << same.text;
}

} // namespace

} // namespace privaudit::testing
