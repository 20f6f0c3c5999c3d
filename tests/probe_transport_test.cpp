// How the probe reaches a bot and what it does when the bot misbehaves: the http-json and jsonl
// adapters, https, a target that crashes, hangs, answers garbage or answers slowly, and a
// bigger load — each against a real fixture bot of testdata/bots on loopback.
#include "analyzers/runtime/probe/canaries.h"
#include "tests/fixture_bot.h"
#include "tests/probe_runner.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;

std::vector<nlohmann::json> transcriptOf(const TempDir& temp) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(readFile(temp.path() + "/transcript.jsonl"));
    for (std::string line; std::getline(in, line);) {
        lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

// How many replies in the transcript contain `text`.
int repliesContaining(const std::vector<nlohmann::json>& transcript, const std::string& text) {
    int count = 0;
    for (const auto& line : transcript) {
        for (const auto& part : line["reply"]) {
            count += part["text"].get<std::string>().find(text) != std::string::npos;
        }
    }
    return count;
}

// The one notification of a run whose target failed: its message, and that it points at
// `line` of the transcript.
std::string failureAt(const ProbeReport& report, int line) {
    for (const auto& notification : report.json["notifications"]) {
        if (notification["line"] == line && notification["file"] == "transcript.jsonl" &&
            notification["message"].get<std::string>().starts_with("no reply from the target")) {
            return notification["message"];
        }
    }
    ADD_FAILURE() << "no failure notification at transcript line " << line << ": " << report.text;
    return {};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Error messages describe what the target sent without quoting it: it may carry canaries.
void expectNoCanaryValue(const ProbeReport& report, std::uint64_t seed) {
    for (const auto& customer : runtime::probe::generateCustomers(seed, 4)) {
        for (const auto& canary : customer.canaries) {
            EXPECT_FALSE(contains(report.text, canary.value)) << canary.value;
            EXPECT_FALSE(contains(report.command.err, canary.value)) << canary.value;
        }
    }
}

const std::vector<std::string> goodBotJsonApi = {
    "--adapter",          "http-json",
    "--request-template", R"({"user": "{sender}", "session": "{session}", "text": "{message}"})",
    "--reply-pointer",    "/messages",
    "--session-pointer",  "/session",
    "--header",           "Authorization: Bearer fixture-token"};

TEST(ProbeHttpJson, TemplatePointersSessionAndHeaders) {
    FixtureBot bot("good_bot");
    TempDir temp;
    ProbeReport report =
        runProbe({"--target", bot.url() + "/api/chat"}, temp, "good.json", "5", goodBotJsonApi);
    ASSERT_EQ(report.command.exitCode, 0) << report.command.err;
    EXPECT_TRUE(report.json["findings"].empty()) << report.text;
    EXPECT_TRUE(report.json["notifications"].empty()) << report.text;
    auto transcript = transcriptOf(temp);
    // 24 messages of the customers, then one per customer from the second client
    // (runtime/session-id-reuse), which continues the customer's conversation by its id.
    ASSERT_EQ(transcript.size(), 28u);
    EXPECT_EQ(transcript[0]["reply"][0]["field"], "/messages/0/body");
    EXPECT_EQ(transcript[24]["client"], "second");
    // The bot discloses itself once per conversation: the session id it returned was sent
    // back, so each customer stayed in one conversation.
    EXPECT_EQ(repliesContaining(transcript, "automated assistant (a bot)"), 4);
}

TEST(ProbeHttpJson, WithoutASessionPointerTheSenderIdIsTheSession) {
    FixtureBot bot("good_bot");
    TempDir temp;
    std::vector<std::string> options(goodBotJsonApi.begin(), goodBotJsonApi.end() - 4);
    options.insert(options.end(), goodBotJsonApi.end() - 2, goodBotJsonApi.end());
    ProbeReport bySender =
        runProbe({"--target", bot.url() + "/api/chat"}, temp, "sender.json", "5", options);
    ASSERT_EQ(bySender.command.exitCode, 0) << bySender.command.err;
    EXPECT_EQ(repliesContaining(transcriptOf(temp), "automated assistant (a bot)"), 4);

    // A template that never carries the conversation id: every message starts a new one, the
    // second client's too.
    options[3] = R"({"user": "{sender}", "session": "", "text": "{message}"})";
    ProbeReport forgetful =
        runProbe({"--target", bot.url() + "/api/chat"}, temp, "forgetful.json", "5", options);
    ASSERT_EQ(forgetful.command.exitCode, 0) << forgetful.command.err;
    EXPECT_EQ(repliesContaining(transcriptOf(temp), "automated assistant (a bot)"), 28);
}

TEST(ProbeHttpJson, MissingHeaderAndWrongPointerAreReported) {
    FixtureBot bot("good_bot");
    TempDir temp;
    std::vector<std::string> noHeader(goodBotJsonApi.begin(), goodBotJsonApi.end() - 2);
    ProbeReport unauthorized =
        runProbe({"--target", bot.url() + "/api/chat"}, temp, "401.json", "5", noHeader);
    EXPECT_EQ(unauthorized.command.exitCode, 3);
    EXPECT_TRUE(contains(failureAt(unauthorized, 1), "the bot answered HTTP 401"));

    std::vector<std::string> wrongPointer = goodBotJsonApi;
    wrongPointer[5] = "/answer/text";
    ProbeReport pointer =
        runProbe({"--target", bot.url() + "/api/chat"}, temp, "pointer.json", "5", wrongPointer);
    EXPECT_EQ(pointer.command.exitCode, 3);
    std::string message = failureAt(pointer, 1);
    EXPECT_TRUE(contains(message, "the reply has nothing at '/answer/text': a JSON object with "
                                  "keys messages, session"))
        << message;
    expectNoCanaryValue(pointer, 5);
}

std::string jsonlBot(const std::string& bot, const std::string& fault = "") {
    return fixtureBotPath(bot) + " --protocol jsonl" + (fault.empty() ? "" : " --fault " + fault);
}

// How many running processes have `text` in their command line.
int processesWith(const std::string& text) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::string name = entry.path().filename().string();
        if (std::ranges::all_of(name, [](char c) { return std::isdigit(c); })) {
            std::ifstream in(entry.path() / "cmdline", std::ios::binary);
            std::string line((std::istreambuf_iterator<char>(in)), {});
            count += line.find(text) != std::string::npos ? 1 : 0;
        }
    }
    return count;
}

TEST(ProbeJsonLines, TalksToAChildProcessAndStopsIt) {
    TempDir temp;
    ProbeReport report = runProbe({"--command", jsonlBot("good_bot")}, temp, "good.json", "5",
                                  {"--reply-pointer", "/replies"});
    ASSERT_EQ(report.command.exitCode, 0) << report.command.err;
    EXPECT_TRUE(report.json["findings"].empty()) << report.text;
    EXPECT_TRUE(report.json["notifications"].empty()) << report.text;
    auto transcript = transcriptOf(temp);
    ASSERT_EQ(transcript.size(), 24u);
    EXPECT_EQ(transcript[0]["reply"][0]["field"], "/replies/0/recipient_id");
    EXPECT_EQ(repliesContaining(transcript, "automated assistant (a bot)"), 4);
}

TEST(ProbeJsonLines, TheConcurrencyLeakIsCleanOneMessageAtATime) {
    // The jsonl channel carries one message at a time: the leaky bot's race never happens.
    TempDir temp;
    ProbeReport report =
        runProbe({"--command", jsonlBot("leaky_concurrency_bot")}, temp, "sequential.json", "7",
                 {"--reply-pointer", "/replies", "--config", temp.write("only-leaks.yaml", R"(rules:
  runtime/over-echo: off
  runtime/no-ai-disclosure: off
)")});
    EXPECT_EQ(report.command.exitCode, 0) << report.command.err;
    EXPECT_TRUE(report.json["findings"].empty()) << report.text;
    // So the probe plans no bursts for it, and says so.
    EXPECT_NE(report.command.err.find("the jsonl adapter sends one message at a time"),
              std::string::npos)
        << report.command.err;
    std::set<int> steps;
    for (const auto& line : transcriptOf(temp)) {
        EXPECT_TRUE(steps.insert(line["step"].get<int>()).second) << line;
    }
}

TEST(ProbeJsonLines, AChildThatDiesOrHangsIsReported) {
    TempDir temp;
    ProbeReport crashed = runProbe({"--command", jsonlBot("good_bot", "crash-after=5")}, temp,
                                   "crash.json", "5", {"--reply-pointer", "/replies"});
    EXPECT_EQ(crashed.command.exitCode, 3) << crashed.command.err;
    std::string message = failureAt(crashed, 6);
    EXPECT_TRUE(contains(message, "the command exited with status 70 (at message 6)")) << message;
    EXPECT_TRUE(contains(crashed.command.err, "the target stopped answering"))
        << crashed.command.err;

    // An option the bot ignores marks its process.
    ProbeReport hung =
        runProbe({"--command", jsonlBot("good_bot", "hang-after=2") + " --marker " + temp.path()},
                 temp, "hang.json", "5", {"--reply-pointer", "/replies", "--timeout", "1"});
    EXPECT_EQ(hung.command.exitCode, 3) << hung.command.err;
    message = failureAt(hung, 3);
    EXPECT_TRUE(contains(message, "the command gave no reply line within 1 s; it was stopped"))
        << message;
    // Stopped indeed: the bot, not only the shell that started it.
    EXPECT_EQ(processesWith(temp.path()), 0);

    ProbeReport missing =
        runProbe({"--command", temp.path() + "/no-such-bot"}, temp, "missing.json", "5");
    EXPECT_EQ(missing.command.exitCode, 3);
    EXPECT_TRUE(contains(failureAt(missing, 1), "the command exited with status 127"));
}

TEST(ProbeFaults, TargetCrashesMidRun) {
    FixtureBot bot("good_bot", {"--fault", "crash-after=5"});
    TempDir temp;
    ProbeReport report = runProbe({"--target", bot.url()}, temp, "crash.json", "5");
    EXPECT_EQ(report.command.exitCode, 3) << report.command.err;
    auto transcript = transcriptOf(temp);
    ASSERT_GE(transcript.size(), 6u);
    EXPECT_FALSE(transcript[4].contains("error"));
    std::string message = failureAt(report, 6);
    EXPECT_TRUE(contains(message, "closed before a complete reply (did the target crash?)"))
        << message;
    EXPECT_TRUE(contains(transcript.back()["error"], "cannot connect to 127.0.0.1"));
    EXPECT_TRUE(contains(report.command.err, "the target stopped answering: the probe gave up"))
        << report.command.err;
    EXPECT_TRUE(report.json["findings"].empty());
}

TEST(ProbeFaults, TargetHangs) {
    FixtureBot bot("good_bot", {"--fault", "hang-after=3"});
    TempDir temp;
    ProbeReport report =
        runProbe({"--target", bot.url()}, temp, "hang.json", "5", {"--timeout", "1"});
    EXPECT_EQ(report.command.exitCode, 3) << report.command.err;
    std::string message = failureAt(report, 4);
    EXPECT_TRUE(contains(message, "no reply from 127.0.0.1:")) << message;
    EXPECT_TRUE(contains(message, " within 1 s")) << message;
    // Three steps without any reply, then the probe stops instead of waiting out every turn.
    EXPECT_LT(transcriptOf(temp).size(), 24u);
}

TEST(ProbeFaults, TargetAnswersGarbage) {
    FixtureBot bot("good_bot", {"--fault", "garbage-after=2"});
    TempDir temp;
    ProbeReport report = runProbe({"--target", bot.url()}, temp, "garbage.json", "5");
    EXPECT_EQ(report.command.exitCode, 3) << report.command.err;
    std::string message = failureAt(report, 3);
    EXPECT_TRUE(contains(message, "the bot's reply is not a JSON list of messages but not JSON "
                                  "(48 bytes starting '<html><body>502 ')"))
        << message;
    expectNoCanaryValue(report, 5);
}

TEST(ProbeFaults, SlowTargetWithinAndBeyondTheTimeout) {
    FixtureBot slow("good_bot", {"--fault", "slow=300"});
    TempDir temp;
    ProbeReport patient =
        runProbe({"--target", slow.url()}, temp, "patient.json", "5", {"--rounds", "2"});
    EXPECT_EQ(patient.command.exitCode, 0) << patient.command.err;
    EXPECT_TRUE(patient.json["notifications"].empty()) << patient.text;

    FixtureBot slower("good_bot", {"--fault", "slow=2500"});
    ProbeReport impatient = runProbe({"--target", slower.url()}, temp, "impatient.json", "5",
                                     {"--rounds", "2", "--timeout", "1"});
    EXPECT_EQ(impatient.command.exitCode, 3) << impatient.command.err;
    EXPECT_TRUE(contains(failureAt(impatient, 1), " within 1 s"));
}

TEST(ProbeLoad, GoodBotStaysCleanWith64CustomersInBurstsOf16) {
    // The correctness half of bench/probe_load.sh (which records the time).
    FixtureBot bot("good_bot");
    TempDir temp;
    ProbeReport report = runProbe({"--target", bot.url()}, temp, "load.json", "1",
                                  {"--customers", "64", "--rounds", "10", "--max-burst", "16"});
    EXPECT_EQ(report.command.exitCode, 0) << report.command.err;
    EXPECT_TRUE(report.json["findings"].empty()) << report.text;
    EXPECT_TRUE(report.json["notifications"].empty()) << report.text;
    EXPECT_EQ(transcriptOf(temp).size(), 640u + 64u) << "640 messages and one per second client";
}

TEST(ProbeHttps, TrustsTheGivenCaAndRejectsAnUnknownOne) {
    TempDir temp;
    std::string cert = temp.path() + "/cert.pem";
    std::string key = temp.path() + "/key.pem";
    std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                          "-addext subjectAltName=IP:127.0.0.1 -keyout " +
                          key + " -out " + cert + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << "openssl could not make a certificate";
    FixtureBot bot("good_bot", {"--tls-cert", cert, "--tls-key", key});
    ASSERT_TRUE(bot.url().starts_with("https://127.0.0.1:")) << bot.url();

    ProbeReport trusted =
        runProbe({"--target", bot.url()}, temp, "trusted.json", "5", {"--ca-cert", cert});
    EXPECT_EQ(trusted.command.exitCode, 0) << trusted.command.err;
    EXPECT_TRUE(trusted.json["notifications"].empty()) << trusted.text;

    ProbeReport unknown = runProbe({"--target", bot.url()}, temp, "unknown.json", "5");
    EXPECT_EQ(unknown.command.exitCode, 3);
    std::string message = failureAt(unknown, 1);
    EXPECT_TRUE(contains(message, "TLS with 127.0.0.1:")) << message;
}

TEST(ProbeTransportOptions, UsageErrorsExit2) {
    auto expectUsageError = [](const std::vector<std::string>& args, const std::string& text) {
        std::vector<std::string> full = {"probe"};
        full.insert(full.end(), args.begin(), args.end());
        CommandResult result = runPrivaudit(full);
        EXPECT_EQ(result.exitCode, 2) << result.err;
        EXPECT_TRUE(contains(result.err, text)) << result.err;
    };
    expectUsageError({}, "--target URL or --command CMD is required");
    expectUsageError({"--adapter", "jsonl", "--target", "http://127.0.0.1:1"},
                     "the jsonl adapter needs --command CMD and no --target");
    expectUsageError({"--adapter", "http-json", "--command", "true"},
                     "--command is for the jsonl adapter");
    expectUsageError({"--target", "ftp://127.0.0.1"}, "must be an http:// or https:// URL");
    expectUsageError({"--target", "http://127.0.0.1:1", "--adapter", "http-json",
                      "--request-template", "{not json"},
                     "--request-template: the request template is not JSON");
    expectUsageError(
        {"--target", "http://127.0.0.1:1", "--adapter", "http-json", "--reply-pointer", "messages"},
        "--reply-pointer must be a JSON pointer");
    expectUsageError({"--target", "http://127.0.0.1:1", "--reply-pointer", "/x"},
                     "--reply-pointer is for the http-json and jsonl adapters");
    expectUsageError({"--target", "http://127.0.0.1:1", "--header", "NoColon"},
                     "--header must be NAME: VALUE");
}

} // namespace

} // namespace privaudit::testing
