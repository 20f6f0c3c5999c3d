// The live probe: canaries, the variant matcher and the schedule as units; then the whole
// `privaudit probe` against the real fixture bots of testdata/bots on loopback: one leaking
// between customers under concurrency, one keeping them apart.
#include "analyzers/runtime/probe/canaries.h"
#include "analyzers/runtime/probe/canary_matcher.h"
#include "analyzers/runtime/probe/scenario.h"
#include "analyzers/runtime/probe/schedule.h"
#include "analyzers/runtime/validators.h"
#include "cli/probe_scenario.h"
#include "tests/fixture_bot.h"
#include "tests/probe_runner.h"
#include "tests/run_privaudit.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <ranges>
#include <set>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;
using runtime::probe::CanaryKind;
using runtime::probe::CanaryMatcher;
using runtime::probe::SyntheticCustomer;

TEST(Canaries, SameSeedSameCustomersAndValidChecksums) {
    auto customers = runtime::probe::generateCustomers(42, 12);
    auto again = runtime::probe::generateCustomers(42, 12);
    auto other = runtime::probe::generateCustomers(43, 12);
    ASSERT_EQ(customers.size(), 12u);
    std::set<std::string> values;
    for (size_t i = 0; i < customers.size(); ++i) {
        const SyntheticCustomer& customer = customers[i];
        EXPECT_EQ(customer.id, "c" + std::to_string(i + 1));
        for (size_t k = 0; k < customer.canaries.size(); ++k) {
            EXPECT_EQ(customer.canaries[k].value, again[i].canaries[k].value);
            EXPECT_TRUE(values.insert(customer.canaries[k].value).second)
                << "repeated: " << customer.canaries[k].value;
        }
        EXPECT_TRUE(runtime::ibanValid(customer.canary(CanaryKind::Iban).value));
        EXPECT_TRUE(runtime::luhnValid(customer.canary(CanaryKind::Card).value));
        EXPECT_TRUE(customer.canary(CanaryKind::Email).value.ends_with("@example.com"));
        EXPECT_NE(customer.canary(CanaryKind::Email).value,
                  other[i].canary(CanaryKind::Email).value);
    }
    EXPECT_TRUE(customers[0].canary(CanaryKind::Phone).value.starts_with("+44 7700 900"));
    EXPECT_TRUE(customers[1].canary(CanaryKind::Phone).value.starts_with("+1 202-555-01"));
}

std::string base64(const std::string& bytes) {
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (unsigned char c : bytes) {
        bits = bits << 8 | c;
        count += 8;
        while (count >= 6) {
            out += alphabet[(bits >> (count -= 6)) & 63];
        }
    }
    if (count > 0) {
        out += alphabet[(bits << (6 - count)) & 63];
    }
    return out + std::string((4 - out.size() % 4) % 4, '=');
}

std::string percentEncoded(const std::string& text) {
    std::string out;
    char buffer[4];
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            out += static_cast<char>(c);
        } else {
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            out += buffer;
        }
    }
    return out;
}

// What the matcher says about `text`: "c2 e-mail address via base64", ...
std::vector<std::string> matchesIn(const CanaryMatcher& matcher,
                                   const std::vector<SyntheticCustomer>& customers,
                                   const std::string& text) {
    std::vector<std::string> found;
    for (const auto& match : matcher.find(text)) {
        found.push_back(customers[static_cast<size_t>(match.customer)].id + " " +
                        runtime::probe::canaryKindName(match.kind) + " via " +
                        match.transformation);
    }
    return found;
}

TEST(CanaryMatcher, FindsCanariesThroughCommonTransformations) {
    auto customers = runtime::probe::generateCustomers(7, 3);
    CanaryMatcher matcher(customers);
    const std::string email = customers[1].canary(CanaryKind::Email).value;
    const std::string name = customers[1].canary(CanaryKind::Name).value;
    const std::string iban = customers[1].canary(CanaryKind::Iban).value;
    auto expectOnly = [&](const std::string& text, const std::string& expected) {
        EXPECT_EQ(matchesIn(matcher, customers, text), std::vector<std::string>{expected}) << text;
    };
    expectOnly("mail: " + email, "c2 e-mail address via as sent");
    expectOnly("NAME: " + std::string(name.begin(), name.end() - 3) + std::string(" ") +
                   name.substr(name.size() - 3),
               "c2 name via case or spacing changed");
    std::string upper = iban;
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    std::string grouped;
    for (size_t i = 0; i < iban.size(); ++i) {
        grouped += (i && i % 4 == 0 ? " " : "") + std::string(1, iban[i]);
    }
    expectOnly("IBAN " + grouped, "c2 IBAN via case or spacing changed");
    std::string escaped = email;
    escaped.replace(escaped.find('@'), 1, "\\u0040");
    expectOnly("{\"email\":\"" + escaped + "\"}", "c2 e-mail address via JSON-escaped");
    expectOnly("/profile?email=" + percentEncoded(email), "c2 e-mail address via percent-encoded");
    std::string html = email;
    html.replace(html.find('@'), 1, "&#64;");
    expectOnly("<p>" + html + "</p>", "c2 e-mail address via HTML-escaped");
    for (std::string prefix : {"", "x", "xy"}) {
        expectOnly("blob=" + base64(prefix + iban + "!"), "c2 IBAN via base64");
    }
    std::string hex;
    for (unsigned char c : email) {
        char buffer[3];
        std::snprintf(buffer, sizeof buffer, "%02x", c);
        hex += buffer;
    }
    expectOnly("0x" + hex, "c2 e-mail address via hex");
    EXPECT_TRUE(matchesIn(matcher, customers,
                          "Thanks, noted. Your order PA-000000 and DE89370400440532013000.")
                    .empty());
}

TEST(Schedule, SameSeedSameScheduleWithBursts) {
    auto schedule = runtime::probe::makeSchedule(5, 6, 10);
    EXPECT_EQ(schedule.describe(), runtime::probe::makeSchedule(5, 6, 10).describe());
    EXPECT_NE(schedule.describe(), runtime::probe::makeSchedule(6, 6, 10).describe());
    std::vector<int> turns(6, 0);
    bool burst = false;
    for (const auto& step : schedule.steps) {
        burst = burst || step.size() > 1;
        EXPECT_LE(step.size(), 4u);
        for (int customer : step) {
            ++turns[static_cast<size_t>(customer)];
        }
    }
    EXPECT_TRUE(burst);
    EXPECT_EQ(turns, std::vector<int>(6, 10));

    for (const auto& step : runtime::probe::makeSchedule(5, 6, 10, 1).steps) {
        EXPECT_EQ(step.size(), 1u);
    }
    size_t largest = 0;
    for (const auto& step : runtime::probe::makeSchedule(5, 40, 10, 16).steps) {
        largest = std::max(largest, step.size());
        EXPECT_LE(step.size(), 16u);
    }
    EXPECT_GT(largest, 4u);
}

ProbeReport probe(const std::string& url, const TempDir& temp, const std::string& name,
                  const std::string& seed) {
    return runProbe({"--target", url}, temp, name, seed);
}

// Where the leaky bot must leak, from the schedule alone: a customer asking "about me" in a
// burst with another customer's message of a different kind gets that customer's profile.
// observer -> the customers it may see (the last writer of the burst wins).
std::map<std::string, std::set<std::string>> leakyBotExposures(std::uint64_t seed) {
    auto customers = runtime::probe::generateCustomers(seed, 4);
    auto schedule = runtime::probe::makeSchedule(seed, 4, 6);
    runtime::probe::Scenario scenario;
    EXPECT_EQ(cli::loadProbeScenario("builtin:en", scenario), "");
    std::vector<int> spoken(4, 0);
    std::map<std::string, std::set<std::string>> exposures;
    for (const auto& step : schedule.steps) {
        std::map<int, bool> asks;
        for (int c : step) {
            int round = spoken[static_cast<size_t>(c)]++;
            asks[c] = scenario.turnFor(round).intent == runtime::probe::Intent::AskOwnData;
        }
        for (auto [asker, isAsking] : asks) {
            for (auto [other, otherAsks] : asks) {
                if (isAsking && !otherAsks) {
                    exposures[customers[static_cast<size_t>(asker)].id].insert(
                        customers[static_cast<size_t>(other)].id);
                }
            }
        }
    }
    return exposures;
}

// The report's runtime/cross-session-leak findings; the leaky bot also shows the dialog rules'
// misbehaviour (tests/probe_dialog_test.cpp).
nlohmann::json crossSessionLeaks(const nlohmann::json& report) {
    nlohmann::json leaks = nlohmann::json::array();
    for (const auto& finding : report["findings"]) {
        if (finding["ruleId"] == "runtime/cross-session-leak") {
            leaks.push_back(finding);
        }
    }
    return leaks;
}

TEST(Probe, CatchesTheLeakyBotAndNamesTheSeed) {
    auto exposures = leakyBotExposures(7);
    ASSERT_FALSE(exposures.empty()) << "seed 7 no longer pairs a question with another message";
    FixtureBot bot("leaky_concurrency_bot");
    TempDir temp;
    ProbeReport first = probe(bot.url(), temp, "leaky.json", "7");
    ASSERT_EQ(first.command.exitCode, 1) << first.command.err;
    // Exactly the customers who asked about themselves in a burst see someone else's data,
    // and only data of a customer in the same burst.
    std::map<std::string, std::set<std::string>> seen;
    for (const auto& finding : crossSessionLeaks(first.json)) {
        const auto& properties = finding["properties"];
        seen[properties["observer"].get<std::string>()].insert(
            properties["victim"].get<std::string>());
    }
    ASSERT_EQ(seen.size(), exposures.size()) << first.text;
    for (const auto& [observer, victims] : seen) {
        ASSERT_TRUE(exposures.contains(observer)) << observer << " " << first.text;
        for (const std::string& victim : victims) {
            EXPECT_TRUE(exposures[observer].contains(victim)) << victim << " -> " << observer;
        }
    }
    // The bot shows name, e-mail and phone as text and the IBAN base64-encoded in a custom
    // payload, and only the card's last four digits: not a leak of the card.
    std::set<std::string> kinds;
    for (const auto& finding : crossSessionLeaks(first.json)) {
        EXPECT_EQ(finding["file"], "transcript.jsonl");
        kinds.insert(finding["properties"]["canaryType"].get<std::string>() + " " +
                     finding["properties"]["transformation"].get<std::string>());
        EXPECT_NE(finding["message"].get<std::string>().find("replay with --seed 7"),
                  std::string::npos);
    }
    for (const std::string& kind : kinds) {
        EXPECT_TRUE(kind == "name as sent" || kind == "email as sent" || kind == "phone as sent" ||
                    kind == "iban base64")
            << kind;
    }
    EXPECT_TRUE(kinds.contains("email as sent")) << first.text;
    EXPECT_TRUE(kinds.contains("iban base64")) << first.text;
    EXPECT_NE(first.command.err.find("replay with --seed 7 --customers 4 --rounds 6"),
              std::string::npos)
        << first.command.err;

    // No canary value reaches the report; the transcript has them all.
    std::string transcript = readFile(temp.path() + "/transcript.jsonl");
    for (const auto& customer : runtime::probe::generateCustomers(7, 4)) {
        for (const auto& canary : customer.canaries) {
            EXPECT_EQ(first.text.find(canary.value), std::string::npos) << canary.value;
            EXPECT_NE(transcript.find(canary.value), std::string::npos) << canary.value;
        }
    }

    // The same seed replays the same customers and schedule and finds the same observers.
    ProbeReport second = probe(bot.url(), temp, "again.json", "7");
    EXPECT_EQ(second.command.exitCode, 1);
    std::set<std::string> observers;
    for (const auto& finding : crossSessionLeaks(second.json)) {
        observers.insert(finding["properties"]["observer"].get<std::string>());
    }
    EXPECT_EQ(observers, std::set<std::string>(std::ranges::views::keys(seen).begin(),
                                               std::ranges::views::keys(seen).end()));
}

TEST(Probe, TheLeakyBotIsCleanOneMessageAtATime) {
    FixtureBot bot("leaky_concurrency_bot");
    TempDir temp;
    ProbeReport report =
        runProbe({"--target", bot.url()}, temp, "sequential.json", "7", {"--max-burst", "1"});
    EXPECT_TRUE(report.json["notifications"].empty()) << report.command.err;
    for (const auto& finding : report.json["findings"]) {
        EXPECT_NE(finding["ruleId"], "runtime/cross-session-leak") << report.text;
    }
}

TEST(Probe, BotThatKeepsCustomersApartHasNoFinding) {
    FixtureBot bot("good_bot");
    TempDir temp;
    ProbeReport report = probe(bot.url(), temp, "good.json", "7");
    EXPECT_EQ(report.command.exitCode, 0) << report.command.err;
    EXPECT_TRUE(report.json["findings"].empty()) << report.text;
    EXPECT_TRUE(report.json["notifications"].empty()) << report.text;
}

TEST(Probe, SarifOfALeakPassesStrictValidation) {
    std::string validator = std::string(PRIVAUDIT_SHARED_DIR) + "/tools/validate-sarif";
    if (!fs::exists(validator)) {
        GTEST_SKIP() << "no " << validator;
    }
    FixtureBot bot("leaky_concurrency_bot");
    TempDir temp;
    ProbeReport report = probe(bot.url(), temp, "leaky.sarif", "11");
    ASSERT_EQ(report.command.exitCode, 1) << report.command.err;
    std::set<std::string> rules;
    for (const auto& result : report.json["runs"][0]["results"]) {
        rules.insert(result["ruleId"].get<std::string>());
        EXPECT_TRUE(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                        .get<std::string>()
                        .starts_with(bot.url() + "/webhooks/rest/webhook#c"));
    }
    EXPECT_TRUE(rules.contains("runtime/cross-session-leak")) << report.text;
    std::string command = validator + " --strict --source-root " + temp.path() + " " + temp.path() +
                          "/leaky.sarif >" + temp.path() + "/validation.txt 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << readFile(temp.path() + "/validation.txt");
}

TEST(Probe, UnreachableTargetIsNoted) {
    TempDir temp;
    // Port 1 on loopback: nothing listens there without root.
    ProbeReport report = probe("http://127.0.0.1:1", temp, "down.json", "3");
    EXPECT_EQ(report.command.exitCode, 3) << report.command.err;
    EXPECT_NE(report.command.err.find("no reply from the target: cannot connect to 127.0.0.1:1"),
              std::string::npos)
        << report.command.err;
}

} // namespace

} // namespace privaudit::testing
