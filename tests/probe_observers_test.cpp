// The probe's observers as units: what a watched folder and a log gained during a run, unsalted
// hashes of canaries, and the mock LLM on loopback (refusing any other address).
#include "analyzers/runtime/probe/canaries.h"
#include "analyzers/runtime/probe/canary_matcher.h"
#include "analyzers/runtime/probe/mock_llm.h"
#include "analyzers/runtime/probe/schedule.h"
#include "analyzers/runtime/probe/written_files.h"
#include "checks/runtime/probe_check.h"
#include "core/check_registry.h"
#include "tests/run_privaudit.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <set>
#include <sstream>
#include <stdexcept>
#include <zlib.h>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;
using runtime::probe::CanaryKind;
using runtime::probe::WrittenFile;

void append(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app | std::ios::binary) << text;
}

void writeGzip(const std::string& path, const std::string& text) {
    gzFile out = gzopen(path.c_str(), "wb");
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
}

TEST(WriteObserver, ReportsCreatedRewrittenAndAppendedBytesOnly) {
    TempDir temp;
    fs::create_directories(temp.path() + "/data/old");
    temp.write("data/untouched.txt", "same\n");
    temp.write("data/profile.json", "{\"a\": 1}\n");
    std::string log = temp.write("bot.log", "line one\nline two\n");
    std::string transcript = temp.path() + "/data/transcript.jsonl";
    std::vector<core::Notification> notifications;
    runtime::probe::WriteObserver observer({temp.path() + "/data"}, {log}, {transcript});
    observer.before(notifications);

    append(log, "line three\nline four\n");
    temp.write("data/profile.json", "{\"a\": 2}\n");
    temp.write("data/old/new.csv", "name,email\n");
    writeGzip(temp.path() + "/data/archive.log.gz", "zipped line\n");
    temp.write("data/transcript.jsonl", "{\"probe\": \"own file\"}\n");
    std::vector<WrittenFile> written = observer.after(notifications);

    EXPECT_TRUE(notifications.empty());
    std::map<std::string, const WrittenFile*> byName;
    for (const WrittenFile& file : written) {
        byName[fs::path(file.path).filename().string()] = &file;
    }
    ASSERT_EQ(byName.size(), 4u);
    EXPECT_FALSE(byName.contains("untouched.txt"));
    EXPECT_FALSE(byName.contains("transcript.jsonl"));
    const WrittenFile& appended = *byName.at("bot.log");
    EXPECT_EQ(appended.change, WrittenFile::Change::Appended);
    EXPECT_EQ(appended.firstLine, 3);
    EXPECT_EQ(appended.text, "line three\nline four\n");
    EXPECT_EQ(byName.at("profile.json")->change, WrittenFile::Change::Rewritten);
    EXPECT_EQ(byName.at("profile.json")->text, "{\"a\": 2}\n");
    EXPECT_EQ(byName.at("new.csv")->change, WrittenFile::Change::Created);
    const WrittenFile& zipped = *byName.at("archive.log.gz");
    EXPECT_TRUE(zipped.gzip);
    EXPECT_EQ(zipped.text, "zipped line\n");
}

TEST(WriteObserver, MissingFolderIsNotedAndALogCreatedDuringTheRunIsRead) {
    TempDir temp;
    std::vector<core::Notification> notifications;
    std::string log = temp.path() + "/later.log";
    runtime::probe::WriteObserver observer({temp.path() + "/nowhere"}, {log}, {});
    observer.before(notifications);
    ASSERT_EQ(notifications.size(), 1u);
    EXPECT_NE(notifications[0].message.find("cannot watch the folder"), std::string::npos);
    temp.write("later.log", "hello\n");
    std::vector<WrittenFile> written = observer.after(notifications);
    ASSERT_EQ(written.size(), 1u);
    EXPECT_EQ(written[0].change, WrittenFile::Change::Created);
    EXPECT_EQ(written[0].text, "hello\n");
}

std::string hexDigest(const EVP_MD* algorithm, const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    EVP_Digest(text.data(), text.size(), digest, &size, algorithm, nullptr);
    std::string hex;
    char buffer[3];
    for (unsigned i = 0; i < size; ++i) {
        std::snprintf(buffer, sizeof buffer, "%02x", digest[i]);
        hex += buffer;
    }
    return hex;
}

TEST(CanaryMatcher, FindsUnsaltedHashesOfTheValueAndItsNormalisedForm) {
    auto customers = runtime::probe::generateCustomers(9, 2);
    runtime::probe::CanaryMatcher matcher(customers);
    const std::string email = customers[0].canary(CanaryKind::Email).value;
    const std::string phone = customers[1].canary(CanaryKind::Phone).value; // "+1 202-555-01xx"
    auto only = [&](const std::string& text) {
        auto matches = matcher.find(text);
        EXPECT_EQ(matches.size(), 1u) << text;
        return matches.empty() ? std::string()
                               : customers[static_cast<size_t>(matches[0].customer)].id + " " +
                                     runtime::probe::canaryKindName(matches[0].kind) + " " +
                                     matches[0].transformation;
    };
    EXPECT_EQ(only("{\"email_sha256\": \"" + hexDigest(EVP_sha256(), email) + "\"}"),
              "c1 e-mail address unsalted SHA-256");
    std::string upper = hexDigest(EVP_sha1(), email);
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    EXPECT_EQ(only("sha1=" + upper), "c1 e-mail address unsalted SHA-1");
    std::string e164 = runtime::probe::foldForMatching(phone);
    ASSERT_TRUE(e164.starts_with("+1202555"));
    EXPECT_EQ(only("phone_md5 " + hexDigest(EVP_md5(), e164)), "c2 phone number unsalted MD5");
    EXPECT_TRUE(matcher.find(hexDigest(EVP_sha256(), email + "pepper")).empty());
}

// "rule victim kind line transformation" of every finding the probe checks give.
std::set<std::string> judged(const checks::ProbeEvidence& evidence) {
    std::set<std::string> found;
    for (const auto& check : core::CheckRegistry<checks::ProbeCheck>::createAll()) {
        for (core::Finding& finding : check->check(evidence)) {
            auto text = [&](const char* name) {
                auto value = finding.properties.find(name);
                return value == finding.properties.end() ? std::string("-")
                                                         : std::get<std::string>(value->second);
            };
            found.insert(finding.ruleId + " " + text("victim") + " " +
                         (finding.ruleId == "runtime/pii-in-artifact" ? text("entity")
                                                                      : text("canaryType")) +
                         " " + fs::path(finding.location.file).filename().string() + ":" +
                         std::to_string(finding.location.line) + " " + text("transformation"));
        }
    }
    return found;
}

TEST(ProbeChecks, JudgeWrittenBytesAtTheirLinesAndUpstreamRequests) {
    auto customers = runtime::probe::generateCustomers(5, 2);
    runtime::probe::ProbeRun run{customers, runtime::probe::makeSchedule(5, 2, 1), {}};
    const std::string email = customers[0].canary(CanaryKind::Email).value;
    const std::string iban = customers[1].canary(CanaryKind::Iban).value;
    const std::string order = customers[1].canary(CanaryKind::OrderNumber).value;
    unsigned char encoded[64] = {};
    EVP_EncodeBlock(encoded, reinterpret_cast<const unsigned char*>(iban.data()),
                    static_cast<int>(iban.size()));
    WrittenFile log;
    log.path = "/srv/bot/app.log";
    log.change = WrittenFile::Change::Appended;
    log.firstLine = 10;
    log.text = "INFO mail=" + email + "\nINFO escalate to 0044 7700 900456\n";
    WrittenFile export_;
    export_.path = "/srv/bot/export.csv.gz";
    export_.gzip = true;
    export_.text = "customer,iban\nc2," + std::string(reinterpret_cast<char*>(encoded)) + "\n";
    std::vector<runtime::probe::UpstreamRequest> upstream = {
        {"POST", "/v1/chat/completions",
         nlohmann::json{{"messages", {{{"content", "order " + order + ", IBAN " + iban}}}}}
             .dump()}};
    checks::ProbeEvidence evidence{run,      "http://bot",           "/out/t.jsonl", {log, export_},
                                   upstream, "/out/t.upstream.jsonl"};
    EXPECT_EQ(judged(evidence),
              (std::set<std::string>{
                  "runtime/pii-at-rest c1 email app.log:10 as sent",
                  "runtime/pii-in-artifact - PHONE_NUMBER app.log:11 -",
                  "runtime/reversible-encoding-at-rest c2 iban export.csv.gz:2 gzip > base64",
                  "runtime/unredacted-upstream c2 iban t.upstream.jsonl:1 as sent",
              }));
}

TEST(MockLlm, RefusesAddressesOffLoopback) {
    for (std::string address : {"0.0.0.0:0", "192.168.1.10:8080", "[::]:0", "example.com:80",
                                "10.127.0.1:0", "127.0.0.1", "127.0.0.1:99999"}) {
        EXPECT_FALSE(runtime::probe::mockLlmAddressError(address).empty()) << address;
        EXPECT_THROW(runtime::probe::MockLlm{address}, std::invalid_argument) << address;
    }
    for (std::string address : {"127.0.0.1:0", "localhost:0", "127.0.0.2:0"}) {
        EXPECT_EQ(runtime::probe::mockLlmAddressError(address), "") << address;
    }
    CommandResult refused =
        runPrivaudit({"probe", "--target", "http://127.0.0.1:1", "--mock-llm", "0.0.0.0:8080"});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find("loopback only"), std::string::npos) << refused.err;
}

TEST(MockLlm, AnswersLikeOpenAiAndRecordsEveryRequest) {
    runtime::probe::MockLlm llm("127.0.0.1:0");
    ASSERT_GT(llm.port(), 0);
    EXPECT_EQ(llm.baseUrl(), "http://127.0.0.1:" + std::to_string(llm.port()) + "/v1");
    httplib::Client client("127.0.0.1", llm.port());
    std::string chat =
        R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello \u00e9"}]})";
    auto reply = client.Post("/v1/chat/completions", chat, "application/json");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    auto completion = nlohmann::json::parse(reply->body);
    EXPECT_EQ(completion["object"], "chat.completion");
    EXPECT_EQ(completion["model"], "gpt-4o-mini");
    EXPECT_EQ(completion["choices"][0]["message"]["role"], "assistant");
    EXPECT_FALSE(completion["choices"][0]["message"]["content"].get<std::string>().empty());
    auto legacy = client.Post("/v1/completions", R"({"prompt":"hi"})", "application/json");
    ASSERT_TRUE(legacy);
    EXPECT_EQ(nlohmann::json::parse(legacy->body)["choices"][0]["text"].is_string(), true);
    auto models = client.Get("/v1/models");
    ASSERT_TRUE(models);
    EXPECT_EQ(nlohmann::json::parse(models->body)["data"][0]["id"], "privaudit-mock");

    auto requests = llm.requests();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(requests[0].path, "/v1/chat/completions");
    EXPECT_EQ(requests[0].body, chat);
    auto line = nlohmann::json::parse(runtime::probe::upstreamRecordLine(requests[0], 0));
    EXPECT_EQ(line["request"], 1);
    EXPECT_EQ(line["body"]["messages"][0]["content"], "hello \u00e9");
    EXPECT_EQ(runtime::probe::upstreamJsonLines(requests).find('\n'),
              runtime::probe::upstreamRecordLine(requests[0], 0).size());
}

// The server-sent events of a streamed completion: the JSON of each "data:" line up to
// "data: [DONE]", which must be the last.
std::vector<nlohmann::json> streamedChunks(const std::string& body) {
    std::vector<nlohmann::json> chunks;
    bool done = false;
    std::istringstream events(body);
    for (std::string line; std::getline(events, line);) {
        if (line.empty()) {
            continue;
        }
        EXPECT_FALSE(done) << "after [DONE]: " << line;
        EXPECT_TRUE(line.starts_with("data: ")) << line;
        if (line == "data: [DONE]") {
            done = true;
        } else {
            chunks.push_back(nlohmann::json::parse(line.substr(6)));
        }
    }
    EXPECT_TRUE(done) << body;
    return chunks;
}

TEST(MockLlm, StreamsLikeOpenAiWhenAskedTo) {
    runtime::probe::MockLlm llm("127.0.0.1:0");
    httplib::Client client("127.0.0.1", llm.port());
    auto whole = client.Post("/v1/chat/completions", R"({"messages":[]})", "application/json");
    ASSERT_TRUE(whole);
    std::string expected =
        nlohmann::json::parse(whole->body)["choices"][0]["message"]["content"].get<std::string>();

    std::string chat =
        R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]})";
    auto streamed = client.Post("/v1/chat/completions", chat, "application/json");
    ASSERT_TRUE(streamed);
    EXPECT_EQ(streamed->status, 200);
    EXPECT_TRUE(streamed->get_header_value("Content-Type").starts_with("text/event-stream"));
    auto chunks = streamedChunks(streamed->body);
    ASSERT_GE(chunks.size(), 3u) << streamed->body;
    EXPECT_EQ(chunks.front()["choices"][0]["delta"]["role"], "assistant");
    std::string content;
    for (size_t i = 0; i < chunks.size(); ++i) {
        const auto& chunk = chunks[i];
        EXPECT_EQ(chunk["object"], "chat.completion.chunk");
        EXPECT_EQ(chunk["model"], "gpt-4o");
        EXPECT_EQ(chunk["id"], chunks.front()["id"]);
        const auto& choice = chunk["choices"][0];
        EXPECT_EQ(choice["finish_reason"], i + 1 < chunks.size() ? nlohmann::json() : "stop");
        content += choice["delta"].value("content", "");
    }
    EXPECT_EQ(content, expected);

    auto legacy =
        client.Post("/v1/completions", R"({"prompt":"hi","stream":true})", "application/json");
    ASSERT_TRUE(legacy);
    std::string text;
    for (const auto& chunk : streamedChunks(legacy->body)) {
        EXPECT_EQ(chunk["object"], "text_completion");
        text += chunk["choices"][0]["text"].get<std::string>();
    }
    EXPECT_EQ(text, expected);

    auto requests = llm.requests();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(requests[1].body, chat);
    EXPECT_EQ(requests[2].path, "/v1/completions");
}

} // namespace

} // namespace privaudit::testing
