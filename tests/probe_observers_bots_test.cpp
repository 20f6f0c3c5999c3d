// The probe's observers against the real fixture bots on loopback: the storage bot writes a
// cleartext log, JSON transcripts and "protected" profiles and sends unredacted prompts to its
// LLM (the probe's --mock-llm); the good bot redacts before it logs or calls its LLM.
#include "analyzers/runtime/probe/canaries.h"
#include "tests/fixture_bot.h"
#include "tests/probe_runner.h"

#include <arpa/inet.h>
#include <filesystem>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;

// A loopback port nothing listens on right now, for the mock LLM: the bot must know its URL
// before the probe starts.
int freeLoopbackPort() {
    int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    ::bind(socket, reinterpret_cast<sockaddr*>(&address), size);
    ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(socket);
    return ntohs(address.sin_port);
}

// "rule victim kind file" for every finding of a JSON report: the kind is the canary type or,
// for other personal data, the entity; the file is the location's file name.
std::set<std::string> findingsOf(const nlohmann::json& report) {
    std::set<std::string> found;
    for (const auto& finding : report["findings"]) {
        const auto& properties = finding["properties"];
        found.insert(finding["ruleId"].get<std::string>() + " " + properties.value("victim", "") +
                     " " + properties.value("canaryType", properties.value("entity", "")) + " " +
                     fs::path(finding["file"].get<std::string>()).filename().string());
    }
    return found;
}

// Probes `bot` with --watch TEMP/data, --log TEMP/bot.log and --mock-llm, the bot pointed at
// all three. Before the run the log and the folder already hold personal data, which must not
// be reported: it was not written during the run.
ProbeReport probeObserved(const std::string& bot, const TempDir& temp, const std::string& name) {
    std::string data = temp.path() + "/data";
    std::string log = temp.path() + "/bot.log";
    fs::create_directories(data);
    temp.write("bot.log", "INFO chat sender=old text=my e-mail is jane.roe@example.org\n");
    temp.write("data/before.json", R"({"email": "jane.roe@example.org"})");
    std::string llm = "127.0.0.1:" + std::to_string(freeLoopbackPort());
    FixtureBot fixture(bot, {"--data", data, "--log", log, "--llm", "http://" + llm + "/v1"});
    return runProbe({"--target", fixture.url()}, temp, name, "7",
                    {"--watch", data, "--log", log, "--mock-llm", llm});
}

// No canary value of the run's customers in `text`.
void expectNoCanaryValue(const std::string& text) {
    for (const auto& customer : runtime::probe::generateCustomers(7, 4)) {
        for (const auto& canary : customer.canaries) {
            EXPECT_EQ(text.find(canary.value), std::string::npos) << canary.value;
        }
    }
}

TEST(ProbeObservers, StorageBotGivesExactlyTheExpectedFindings) {
    TempDir temp;
    ProbeReport report = probeObserved("storage_bot", temp, "storage.json");
    ASSERT_EQ(report.command.exitCode, 1) << report.command.err;
    EXPECT_TRUE(report.json["notifications"].empty()) << report.text;

    std::set<std::string> expected;
    for (const std::string customer : {"c1", "c2", "c3", "c4"}) {
        std::string file = "privaudit-probe-7-" + customer + ".json"; // transcript and profile
        for (const std::string kind :
             {"name", "email", "phone", "iban", "card", "identifier", "dob", "address"}) {
            expected.insert("runtime/pii-at-rest " + customer + " " + kind + " bot.log");
            expected.insert("runtime/pii-at-rest " + customer + " " + kind + " " + file);
            if (kind != "identifier") { // order numbers may go upstream
                expected.insert("runtime/unredacted-upstream " + customer + " " + kind +
                                " transcript.upstream.jsonl");
            }
        }
        expected.insert("runtime/reversible-encoding-at-rest " + customer + " iban " + file);
        expected.insert("runtime/reversible-encoding-at-rest " + customer + " email " + file);
        expected.insert("runtime/pii-in-artifact  PHONE_NUMBER " + file); // "00 44 ...": no canary
    }
    // Nor does it say that it is a bot (tests/probe_dialog_test.cpp has that rule's details).
    expected.insert("runtime/no-ai-disclosure   transcript.jsonl");
    EXPECT_EQ(findingsOf(report.json), expected) << report.text;

    for (const auto& finding : report.json["findings"]) {
        std::string rule = finding["ruleId"];
        std::string file = finding["file"];
        const auto& properties = finding["properties"];
        if (rule == "runtime/reversible-encoding-at-rest") {
            EXPECT_TRUE(file.starts_with("data/profiles/")) << file;
            EXPECT_EQ(properties["transformation"],
                      properties["canaryType"] == "iban" ? "base64" : "unsalted SHA-256");
        } else if (rule == "runtime/unredacted-upstream") {
            EXPECT_EQ(properties["sink"], "upstream LLM request");
            EXPECT_EQ(properties["endpoint"], "/v1/chat/completions");
        } else if (rule == "runtime/pii-at-rest") {
            EXPECT_TRUE(file == "bot.log" || file.starts_with("data/transcripts/")) << file;
            // The log had one line before the run: what the run appended starts at line 2.
            EXPECT_TRUE(file != "bot.log" || finding["line"].get<int>() >= 2);
        }
    }
    std::string upstream = readFile(temp.path() + "/transcript.upstream.jsonl");
    EXPECT_NE(upstream.find(R"("path":"/v1/chat/completions")"), std::string::npos);
    expectNoCanaryValue(report.text);
}

TEST(ProbeObservers, SarifAndTextOfTheNewRulesNameNoValueAndSarifIsStrictlyValid) {
    TempDir temp;
    ProbeReport sarif = probeObserved("storage_bot", temp, "storage.sarif");
    ASSERT_EQ(sarif.command.exitCode, 1) << sarif.command.err;
    expectNoCanaryValue(sarif.text);
    std::set<std::string> rules;
    for (const auto& result : sarif.json["runs"][0]["results"]) {
        rules.insert(result["ruleId"].get<std::string>());
    }
    EXPECT_EQ(rules,
              (std::set<std::string>{"runtime/pii-at-rest", "runtime/reversible-encoding-at-rest",
                                     "runtime/unredacted-upstream", "runtime/pii-in-artifact",
                                     "runtime/no-ai-disclosure"}));
    std::string validator = std::string(PRIVAUDIT_SHARED_DIR) + "/tools/validate-sarif";
    if (fs::exists(validator)) {
        std::string command = validator + " --strict --source-root " + temp.path() + " " +
                              temp.path() + "/storage.sarif >" + temp.path() +
                              "/validation.txt 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << readFile(temp.path() + "/validation.txt");
    }

    TempDir textTemp;
    ProbeReport text = probeObserved("storage_bot", textTemp, "storage.txt");
    EXPECT_EQ(text.command.exitCode, 1) << text.command.err;
    EXPECT_NE(text.text.find("[runtime/unredacted-upstream]"), std::string::npos) << text.text;
    expectNoCanaryValue(text.text + text.command.out + text.command.err);
}

TEST(ProbeObservers, ACommandBotFindsTheMockLlmOnAFreePortThroughItsEnvironment) {
    TempDir temp;
    ProbeReport report =
        runProbe({"--command", fixtureBotPath("storage_bot") + " --protocol jsonl"}, temp,
                 "command.json", "7", {"--reply-pointer", "/replies", "--mock-llm", "127.0.0.1:0"});
    ASSERT_EQ(report.command.exitCode, 1) << report.command.err;
    EXPECT_NE(report.command.err.find("mock LLM listening on http://127.0.0.1:"),
              std::string::npos);
    std::set<std::string> upstream;
    for (const std::string& finding : findingsOf(report.json)) {
        upstream.insert(finding.substr(0, finding.find(' ')));
    }
    // Seven kinds of each customer's data went upstream; the bot never says it is one.
    EXPECT_EQ(upstream,
              (std::set<std::string>{"runtime/unredacted-upstream", "runtime/no-ai-disclosure"}))
        << report.text;
    EXPECT_EQ(report.json["findings"].size(), 29u) << report.text;
}

TEST(ProbeObservers, GoodBotRedactsBeforeItLogsOrCallsItsLlm) {
    TempDir temp;
    ProbeReport report = probeObserved("good_bot", temp, "good.json");
    EXPECT_EQ(report.command.exitCode, 0) << report.command.err;
    EXPECT_TRUE(report.json["findings"].empty()) << report.text;
    // It did log and call its LLM, redacted.
    std::string log = readFile(temp.path() + "/bot.log");
    EXPECT_NE(log.find("[redacted]"), std::string::npos) << log;
    std::string upstream = readFile(temp.path() + "/transcript.upstream.jsonl");
    EXPECT_NE(upstream.find("[redacted]"), std::string::npos) << upstream;
}

} // namespace

} // namespace privaudit::testing
