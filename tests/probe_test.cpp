// The live probe: canaries, the variant matcher and the schedule as units; then the whole
// `privaudit probe` against the real fixture bots of testdata/bots on loopback: one leaking
// between customers under concurrency, one keeping them apart.
#include "analyzers/runtime/probe/canaries.h"
#include "analyzers/runtime/probe/canary_matcher.h"
#include "analyzers/runtime/probe/probe_run.h"
#include "analyzers/runtime/probe/scenario.h"
#include "analyzers/runtime/probe/schedule.h"
#include "analyzers/runtime/validators.h"
#include "cli/probe_scenario.h"
#include "tests/fixture_bot.h"
#include "tests/probe_runner.h"
#include "tests/run_privaudit.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
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

TEST(Schedule, ReplayOptionsNameEverythingThatShapesTheRun) {
    runtime::probe::ProbeRun run;
    run.schedule = runtime::probe::makeSchedule(5, 3, 2);
    run.scenario.source = "builtin:en";
    EXPECT_EQ(runtime::probe::replayOptions(run), "--seed 5 --customers 3 --rounds 2");
    run.schedule = runtime::probe::makeSchedule(5, 3, 2, 1);
    run.scenario.source = "my scenarios/support's.yaml";
    EXPECT_EQ(runtime::probe::replayOptions(run),
              "--seed 5 --customers 3 --rounds 2 --max-burst 1 --scenario 'my "
              "scenarios/support'\\''s.yaml'");
}

ProbeReport probe(const std::string& url, const TempDir& temp, const std::string& name,
                  const std::string& seed) {
    return runProbe({"--target", url}, temp, name, seed);
}

// The report's runtime/cross-session-leak findings.
nlohmann::json crossSessionLeaks(const nlohmann::json& report) {
    nlohmann::json leaks = nlohmann::json::array();
    for (const auto& finding : report["findings"]) {
        if (finding["ruleId"] == "runtime/cross-session-leak") {
            leaks.push_back(finding);
        }
    }
    return leaks;
}

// One line per finding: rule, victim, observer, kind of data, sink and transcript line ("-"
// for what a rule does not name).
std::vector<std::string> findingRows(const nlohmann::json& report) {
    std::vector<std::string> rows;
    for (const auto& finding : report["findings"]) {
        const auto& properties = finding["properties"];
        std::string row = finding["ruleId"].get<std::string>();
        for (const char* name : {"victim", "observer", "canaryType", "sink"}) {
            row += " " + properties.value(name, std::string("-"));
        }
        rows.push_back(row + " line " + std::to_string(finding["line"].get<int>()));
    }
    return rows;
}

// The leaky bot's whole report at seed 7, 4 customers x 6 messages, from the schedule
//     [c2+c3+c4] [c2+c3] c4 c1 c4 [c1+c2+c3+c4] c3 c3 [c1+c2] [c1+c4] [c1+c2+c3+c4] [c1+c2]
// (transcript lines 1-3, 4-5, 6, 7, 8, 9-12, 13, 14, 15-16, 17-18, 19-22, 23-24; then the
// second client's 25-28). Every customer asks about itself in its fifth message: c3 alone in
// step 8 is shown its own data; c4 in step 10 and c2 in step 11 share a burst with c1, whose
// profile the bot's batched lookup hands the whole burst — by then c1's name, e-mail, phone
// and IBAN (its messages in steps 4, 6 and 9). The dialog rules' findings do not depend on
// timing: every confirmed IBAN (third message) and card (fourth), the first replies, and what
// a second client is shown.
const std::vector<std::string> leakyBotAtSeed7 = {
    "runtime/no-ai-disclosure - - - first reply line 1",
    "runtime/over-echo c4 c4 iban reply /0/text line 8",
    "runtime/over-echo c2 c2 iban reply /0/text line 10",
    "runtime/over-echo c3 c3 iban reply /0/text line 11",
    "runtime/over-echo c4 c4 card reply /0/text line 12",
    "runtime/over-echo c3 c3 card reply /0/text line 13",
    "runtime/over-echo c1 c1 iban reply /0/text line 15",
    "runtime/over-echo c2 c2 card reply /0/text line 16",
    "runtime/over-echo c1 c1 card reply /0/text line 17",
    "runtime/cross-session-leak c1 c4 iban reply /0/custom line 18",
    "runtime/cross-session-leak c1 c4 email reply /0/text line 18",
    "runtime/cross-session-leak c1 c4 name reply /0/text line 18",
    "runtime/cross-session-leak c1 c4 phone reply /0/text line 18",
    "runtime/cross-session-leak c1 c2 iban reply /0/custom line 20",
    "runtime/cross-session-leak c1 c2 email reply /0/text line 20",
    "runtime/cross-session-leak c1 c2 name reply /0/text line 20",
    "runtime/cross-session-leak c1 c2 phone reply /0/text line 20",
    "runtime/session-id-reuse c1 second client name,email,phone,iban reply /0/text line 25",
    "runtime/session-id-reuse c2 second client name,email,phone,iban reply /0/text line 26",
    "runtime/session-id-reuse c3 second client name,email,phone,iban reply /0/text line 27",
    "runtime/session-id-reuse c4 second client name,email,phone,iban reply /0/text line 28",
};

TEST(Probe, LeakyBotGivesExactlyTheExpectedFindingsEveryTime) {
    ASSERT_EQ(runtime::probe::makeSchedule(7, 4, 6).describe(),
              "[c2+c3+c4] [c2+c3] c4 c1 c4 [c1+c2+c3+c4] c3 c3 [c1+c2] [c1+c4] [c1+c2+c3+c4] "
              "[c1+c2]");
    std::vector<ProbeReport> reports;
    std::vector<std::string> transcripts;
    std::vector<std::string> sameAddress; // the target's URL is part of findings' identity
    for (int run = 0; run < 2; ++run) {
        // A fresh bot each time (it remembers profiles by sender id), on the same port.
        FixtureBot bot("leaky_concurrency_bot", sameAddress);
        sameAddress = {"--port", bot.url().substr(bot.url().rfind(':') + 1)};
        TempDir temp;
        reports.push_back(probe(bot.url(), temp, "leaky.json", "7"));
        transcripts.push_back(readFile(temp.path() + "/transcript.jsonl"));
        const ProbeReport& report = reports.back();
        ASSERT_EQ(report.command.exitCode, 1) << report.command.err;
        EXPECT_EQ(findingRows(report.json), leakyBotAtSeed7) << report.text;
        EXPECT_TRUE(report.json["notifications"].empty()) << report.text;
    }
    // The same seed gives the same report and even the same conversation, reply for reply.
    EXPECT_EQ(reports[0].json["findings"].dump(2), reports[1].json["findings"].dump(2));
    EXPECT_EQ(transcripts[0], transcripts[1]);

    const ProbeReport& first = reports.front();
    for (const auto& finding : crossSessionLeaks(first.json)) {
        EXPECT_EQ(finding["file"], "transcript.jsonl");
        EXPECT_NE(finding["message"].get<std::string>().find("replay with --seed 7"),
                  std::string::npos);
    }
    EXPECT_NE(first.command.err.find("replay with --seed 7 --customers 4 --rounds 6"),
              std::string::npos)
        << first.command.err;
    // No canary value reaches the report; the transcript has them all.
    for (const auto& customer : runtime::probe::generateCustomers(7, 4)) {
        for (const auto& canary : customer.canaries) {
            EXPECT_EQ(first.text.find(canary.value), std::string::npos) << canary.value;
            EXPECT_NE(transcripts[0].find(canary.value), std::string::npos) << canary.value;
        }
    }
}

// Who must see whose data, from the schedule alone: in a burst, every member that asks about
// itself is shown the data of the member with the smallest sender id (which has given at
// least its name in its first message). "victim -> observer".
std::set<std::string> leakyBotExposures(std::uint64_t seed) {
    auto customers = runtime::probe::generateCustomers(seed, 4);
    runtime::probe::Scenario scenario;
    EXPECT_EQ(cli::loadProbeScenario("builtin:en", scenario), "");
    std::vector<int> spoken(4, 0);
    std::set<std::string> exposures;
    for (const auto& step : runtime::probe::makeSchedule(seed, 4, 6).steps) {
        auto first = std::ranges::min(step, {}, [&](int c) {
            return runtime::probe::senderId(seed, customers[static_cast<size_t>(c)]);
        });
        for (int c : step) {
            const auto& turn = scenario.turnFor(spoken[static_cast<size_t>(c)]++);
            if (c != first && turn.intent == runtime::probe::Intent::AskOwnData) {
                exposures.insert(customers[static_cast<size_t>(first)].id + " -> " +
                                 customers[static_cast<size_t>(c)].id);
            }
        }
    }
    return exposures;
}

TEST(Probe, LeakyBotLeaksExactlyWhereTheScheduleSays) {
    for (std::uint64_t seed : {11u, 23u}) {
        std::set<std::string> expected = leakyBotExposures(seed);
        ASSERT_FALSE(expected.empty()) << "seed " << seed << " no longer has a leaking burst";
        FixtureBot bot("leaky_concurrency_bot");
        TempDir temp;
        ProbeReport report = probe(bot.url(), temp, "leaky.json", std::to_string(seed));
        ASSERT_EQ(report.command.exitCode, 1) << report.command.err;
        std::set<std::string> seen;
        for (const auto& finding : crossSessionLeaks(report.json)) {
            const auto& properties = finding["properties"];
            seen.insert(properties["victim"].get<std::string>() + " -> " +
                        properties["observer"].get<std::string>());
            EXPECT_EQ(properties["concurrent"], "yes");
        }
        EXPECT_EQ(seen, expected) << "seed " << seed << "\n" << report.text;
    }
}

TEST(Probe, TheLeakyBotIsCleanOneMessageAtATime) {
    FixtureBot bot("leaky_concurrency_bot");
    TempDir temp;
    ProbeReport report =
        runProbe({"--target", bot.url()}, temp, "sequential.json", "7", {"--max-burst", "1"});
    EXPECT_TRUE(report.json["notifications"].empty()) << report.command.err;
    ASSERT_FALSE(report.json["findings"].empty()) << report.text;
    for (const auto& finding : report.json["findings"]) {
        EXPECT_NE(finding["ruleId"], "runtime/cross-session-leak") << report.text;
        // Every finding says how to see its turn again, one message at a time included.
        std::string step = std::to_string(finding["properties"]["step"].get<int>());
        EXPECT_NE(
            finding["message"].get<std::string>().find(
                "replay with --seed 7 --customers 4 --rounds 6 --max-burst 1, schedule step " +
                step + "."),
            std::string::npos)
            << finding["message"];
    }
    EXPECT_NE(
        report.command.err.find("replay with --seed 7 --customers 4 --rounds 6 --max-burst 1;"),
        std::string::npos)
        << report.command.err;
}

// `privaudit probe --target URL` and nothing else but where to write: the Rasa REST adapter,
// the English scenario, 8 customers x 12 messages, a random seed that is printed.
TEST(Probe, ARasaRestBotCanBeProbedWithTheDefaults) {
    FixtureBot good("good_bot");
    TempDir temp;
    std::string transcript = temp.path() + "/transcript.jsonl";
    CommandResult clean = runPrivaudit({"probe", "--target", good.url(), "--transcript", transcript,
                                        "-o", temp.path() + "/r.json"});
    EXPECT_EQ(clean.exitCode, 0) << clean.err;
    EXPECT_NE(clean.err.find("/webhooks/rest/webhook as 8 customers x 12 messages, seed "),
              std::string::npos)
        << clean.err;
    EXPECT_NE(clean.err.find("scenario builtin:en"), std::string::npos) << clean.err;
    std::string lines = readFile(transcript);
    EXPECT_EQ(std::ranges::count(lines, '\n'), 8 * 12 + 8) << "and one second-client turn each";
    EXPECT_TRUE(nlohmann::json::parse(readFile(temp.path() + "/r.json"))["findings"].empty());

    FixtureBot leaky("leaky_concurrency_bot");
    CommandResult caught =
        runPrivaudit({"probe", "--target", leaky.url(), "--seed", "7", "--transcript", transcript,
                      "-o", temp.path() + "/leaky.json"});
    EXPECT_EQ(caught.exitCode, 1) << caught.err;
    auto report = nlohmann::json::parse(readFile(temp.path() + "/leaky.json"));
    EXPECT_FALSE(crossSessionLeaks(report).empty()) << caught.err;
}

// `make demo` ends with testdata/bots/demo_probe.sh: the leaky bot on a free port, probed at
// seed 7 with 4 customers x 6 messages, findings that do not fail the demo.
TEST(Probe, MakeDemoProbesTheLeakyBot) {
    TempDir temp;
    std::string build = fs::path(PRIVAUDIT_BINARY).parent_path().string();
    CommandResult demo = runShell("cd " + temp.path() + " && " + PRIVAUDIT_SOURCE_DIR +
                                  "/testdata/bots/demo_probe.sh " + build);
    ASSERT_EQ(demo.exitCode, 0) << demo.err;
    EXPECT_NE(demo.out.find("Probe report written to privaudit-probe.sarif"), std::string::npos)
        << demo.out;
    auto sarif = nlohmann::json::parse(readFile(temp.path() + "/privaudit-probe.sarif"));
    std::map<std::string, int> rules;
    for (const auto& result : sarif["runs"][0]["results"]) {
        ++rules[result["ruleId"].get<std::string>()];
    }
    EXPECT_EQ(rules, (std::map<std::string, int>{{"runtime/cross-session-leak", 8},
                                                 {"runtime/no-ai-disclosure", 1},
                                                 {"runtime/over-echo", 8},
                                                 {"runtime/session-id-reuse", 4}}));
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
