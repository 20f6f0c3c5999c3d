// The auditor must not leak: secrets and personal data planted in every input kind (C++
// source, bot configurations, a log for scan-data) never appear in any output format of scan,
// scan-data, report or the LSP server — only their masked previews — and scan, scan-data and
// report never reach for the network (a preloaded shim refuses and records every attempt).
#include "core/shell_quote.h"
#include "tests/lsp_client.h"
#include "tests/run_privaudit.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSource = R"(#include <iostream>
#include <string>

const char* stripeKey = "sk_live_PLANTEDa1b2c3d4e5f6g7h8";
const char* dbPassword = "Planted-Passw0rd-42";
const char* awsKey = "AKIAPLANTEDKEY123456";

void logCustomer(const std::string& email) {
    std::cout << "customer " << email << "\n";
}

int main() {
    logCustomer("jane.planted@example.org");
}
)";

const std::string kEndpoints = R"(tracker_store:
  type: redis
  url: redis.internal
  password: "Planted-Redis-Secret-77"
event_broker:
  type: pika
  url: amqp://broker:PlantedUrlPass99@rabbit.internal:5672
)";

const std::string kCredentials = R"(telegram:
  access_token: "123456789:PlantedTelegramTokenAbcdefghijklmno"
  verify: "support_bot"
  webhook_url: "https://bot.example.com/webhooks/telegram/webhook"
)";

const std::string kAppSettings = R"({
  "MicrosoftAppId": "4c2b6a1e-0000-4000-8000-000000000001",
  "MicrosoftAppPassword": "PlantedAppPassw0rd~xyz.QRS"
}
)";

const std::string kLog =
    "2026-03-01T10:00:00Z INFO chat started customer email maria.planted@example.com\n"
    "2026-03-01T10:00:05Z INFO payment card 4539 1488 0343 6467 accepted\n"
    "2026-03-01T10:00:07Z INFO refund to IBAN DE89370400440532013000\n"
    "2026-03-01T10:00:09Z DEBUG calling crm with key sk_live_PLANTEDlogkey9x8y7z6w5\n"
    "2026-03-01T10:00:11Z INFO callback number +49 30 90182736 for the customer\n";

// The part of each planted value a masked preview never shows.
const std::vector<std::string> kPlanted = {"PLANTEDa1b2c3d4",
                                           "Passw0rd-42",
                                           "PLANTEDKEY123456",
                                           "Redis-Secret-77",
                                           "PlantedUrlPass99",
                                           "PlantedTelegramToken",
                                           "PlantedAppPassw0rd",
                                           "jane.planted",
                                           "maria.planted",
                                           "4539 1488 0343",
                                           "370400440532",
                                           "PLANTEDlogkey",
                                           "901827"};

class NoLeak : public ::testing::Test {
protected:
    void SetUp() override {
        workspace_.write("src/payments.cpp", kSource);
        workspace_.write("bot/endpoints.yml", kEndpoints);
        workspace_.write("bot/credentials.yml", kCredentials);
        workspace_.write("teams/appsettings.json", kAppSettings);
        workspace_.write("logs/support.log", kLog);
        fs::create_directories(out("."));
    }

    std::string in(const std::string& relative) const { return workspace_.path() + "/" + relative; }
    std::string out(const std::string& name) const { return reports_.path() + "/" + name; }
    std::string networkLog() const { return reports_.path() + "/network.log"; }

    // The environment that preloads the no-network shim (also into a sanitizer build).
    std::string preload() const {
        return "LD_PRELOAD=" + core::shellQuoted(NO_NETWORK_SHIM) +
               " PRIVAUDIT_NETWORK_LOG=" + core::shellQuoted(networkLog()) +
               " ASAN_OPTIONS=\"$ASAN_OPTIONS:verify_asan_link_order=0\" ";
    }

    // privaudit with the shim preloaded; its stdout and stderr are checked too.
    CommandResult run(const std::string& arguments) {
        CommandResult result =
            runShell(preload() + core::shellQuoted(PRIVAUDIT_BINARY) + " " + arguments);
        outputs_.push_back({arguments + " (stdout)", result.out});
        outputs_.push_back({arguments + " (stderr)", result.err});
        return result;
    }

    void expectNoPlantedValue(const std::string& where, const std::string& text) {
        for (const std::string& planted : kPlanted) {
            EXPECT_EQ(text.find(planted), std::string::npos) << planted << " in " << where;
        }
    }

    TempDir workspace_;
    TempDir reports_;
    std::vector<std::pair<std::string, std::string>> outputs_;
};

TEST_F(NoLeak, NoOutputFormatHoldsAPlantedValueAndNothingReachesTheNetwork) {
    std::string sources = core::shellQuoted(in("src")) + " " + core::shellQuoted(in("bot")) + " " +
                          core::shellQuoted(in("teams")) + " --fail-on none --source-root " +
                          core::shellQuoted(workspace_.path());
    std::vector<std::string> files;
    for (const char* format : {"sarif", "text", "json", "html", "markdown", "junit"}) {
        std::string file = out(std::string("scan.") + format);
        EXPECT_EQ(run("scan " + sources + " --format " + format + " -o " + file).exitCode, 0);
        files.push_back(file);
    }
    std::string logs = core::shellQuoted(in("logs")) + " --fail-on none --source-root " +
                       core::shellQuoted(workspace_.path());
    for (const char* format : {"sarif", "text", "json"}) {
        std::string file = out(std::string("data.") + format);
        EXPECT_EQ(run("scan-data " + logs + " --format " + format + " -o " + file).exitCode, 0);
        files.push_back(file);
    }
    for (const char* format : {"html", "markdown", "junit", "json", "sarif", "text"}) {
        std::string file = out(std::string("report.") + format);
        EXPECT_EQ(run("report " + out("scan.sarif") + " " + out("data.sarif") + " --format " +
                      format + " -o " + file)
                      .exitCode,
                  0);
        files.push_back(file);
    }

    // The planted values were found (else this test would prove nothing), and shown masked.
    json scan = json::parse(readFile(out("scan.sarif")));
    json data = json::parse(readFile(out("data.sarif")));
    EXPECT_GE(scan["runs"][0]["results"].size(), 7u);
    EXPECT_GE(data["runs"][0]["results"].size(), 5u);
    std::string text = readFile(out("scan.text")) + readFile(out("data.text"));
    for (const char* preview :
         {"'sk_l****'", "'Plan****'", "'AKIA****'", "m***@example.com", "****6467", "DE****3000"}) {
        EXPECT_NE(text.find(preview), std::string::npos) << preview << "\n" << text;
    }

    for (const std::string& file : files) {
        ASSERT_TRUE(fs::exists(file)) << file;
        expectNoPlantedValue(file, readFile(file));
    }
    for (const auto& [where, output] : outputs_) {
        expectNoPlantedValue(where, output);
    }

    // The HTML report loads nothing from elsewhere: no remote scripts, styles, images, fonts.
    for (const char* html : {"scan.html", "report.html"}) {
        std::string page = readFile(out(html));
        std::string remote;
        EXPECT_FALSE(RE2::PartialMatch(
            page,
            R"re((?i)((?:src|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*|<link[^>]*href\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*|url\(\s*["']?\s*(?:https?:)?//[^)]*|@import))re",
            &remote))
            << html << " references " << remote;
    }

    EXPECT_FALSE(fs::exists(networkLog())) << readFile(networkLog());
}

TEST_F(NoLeak, LanguageServerDiagnosticsHoldNoPlantedValue) {
    const char* sanitizerOptions = std::getenv("ASAN_OPTIONS");
    std::string restoredOptions = sanitizerOptions ? sanitizerOptions : "";
    setenv("LD_PRELOAD", NO_NETWORK_SHIM, 1);
    setenv("PRIVAUDIT_NETWORK_LOG", networkLog().c_str(), 1);
    setenv("ASAN_OPTIONS", (restoredOptions + ":verify_asan_link_order=0").c_str(), 1);
    LspClient client(workspace_.path());
    unsetenv("LD_PRELOAD");
    unsetenv("PRIVAUDIT_NETWORK_LOG");
    setenv("ASAN_OPTIONS", restoredOptions.c_str(), 1);
    client.request(1, "initialize",
                   {{"processId", nullptr},
                    {"rootUri", "file://" + workspace_.path()},
                    {"capabilities", json::object()}});
    ASSERT_FALSE(client.receive().is_null()) << "no answer to initialize";
    client.notify("initialized", json::object());
    size_t diagnostics = 0;
    for (const auto& [file, language, text] :
         {std::tuple{"src/payments.cpp", "cpp", kSource},
          std::tuple{"bot/endpoints.yml", "yaml", kEndpoints},
          std::tuple{"bot/credentials.yml", "yaml", kCredentials},
          std::tuple{"teams/appsettings.json", "json", kAppSettings}}) {
        client.notify("textDocument/didOpen", {{"textDocument",
                                                {{"uri", "file://" + in(file)},
                                                 {"languageId", language},
                                                 {"version", 1},
                                                 {"text", text}}}});
        json published = client.receive("textDocument/publishDiagnostics");
        ASSERT_FALSE(published.is_null()) << file;
        diagnostics += published["params"]["diagnostics"].size();
        expectNoPlantedValue(file, published.dump());
    }
    EXPECT_GE(diagnostics, 7u);
    client.request(2, "shutdown", nullptr);
    client.receive();
    client.notify("exit", nullptr);
    EXPECT_EQ(client.exitCode(), 0);
    EXPECT_FALSE(fs::exists(networkLog())) << readFile(networkLog());
}

// The shim does see connection attempts, of bash and of privaudit's own probe (the one command
// that talks to the network), so its silence above means something.
TEST_F(NoLeak, TheShimRecordsConnectionAttempts) {
    runShell(preload() + "bash -c 'exec 3<>/dev/tcp/127.0.0.1/9'");
    EXPECT_TRUE(fs::exists(networkLog()));
    fs::remove(networkLog());
    runShell("cd " + core::shellQuoted(reports_.path()) + " && " + preload() +
             core::shellQuoted(PRIVAUDIT_BINARY) + " probe --target http://127.0.0.1:9/");
    EXPECT_TRUE(fs::exists(networkLog()));
}

} // namespace

} // namespace privaudit::testing
