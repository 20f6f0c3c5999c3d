#include "core/rule_catalogue.h"
#include "core/scan_result.h"
#include "reporters/json_reporter.h"
#include "reporters/sarif_reporter.h"
#include "reporters/text_reporter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

using namespace privaudit;
using nlohmann::json;

core::DocNode scalar(const std::string& value) {
    core::DocNode node;
    node.kind = core::DocNode::Kind::Scalar;
    node.scalar = value;
    node.line = 1;
    return node;
}

core::DocNode ruleDocument(const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::vector<std::string>& cwes) {
    core::DocNode document;
    document.kind = core::DocNode::Kind::Mapping;
    document.line = 1;
    for (const auto& [key, value] : fields) {
        document.entries.emplace_back(scalar(key), scalar(value));
    }
    core::DocNode cweList;
    cweList.kind = core::DocNode::Kind::Sequence;
    for (const std::string& cwe : cwes) {
        cweList.items.push_back(scalar(cwe));
    }
    document.entries.emplace_back(scalar("cwe"), cweList);
    return document;
}

const std::string longDescription = [] {
    std::string text;
    while (text.size() < 1500) {
        text += "Transcripts hold personal data and are kept without a deletion date. ";
    }
    return text;
}();

core::RuleCatalogue catalogue() {
    core::RuleCatalogue rules;
    std::vector<core::CatalogueError> errors;
    auto add = [&](std::string id, std::string name, std::string level, std::string severity,
                   std::string category, std::vector<std::string> cwes,
                   std::string description = "A description of the risk.") {
        rules.add(ruleDocument({{"id", id},
                                {"name", name},
                                {"title", "Title of " + name},
                                {"description", description},
                                {"remediation", "Do **not** do that."},
                                {"level", level},
                                {"severity", severity},
                                {"precision", "high"},
                                {"category", category}},
                               cwes),
                  "rules.yaml", errors);
    };
    add("runtime/cross-session-leak", "CrossSessionLeak", "warning", "6.5", "session", {"488"});
    add("cpp/cleartext-storage", "CleartextStorage", "error", "7.5", "storage", {"922", "312"});
    add("config/transcript-retention", "TranscriptRetention", "note", "4", "retention", {},
        longDescription);
    add("config/secret-in-plaintext", "SecretInPlaintext", "error", "8.1", "secrets", {"798"});
    for (const core::CatalogueError& error : errors) {
        ADD_FAILURE() << error.message;
    }
    return rules;
}

const std::string root = "/srv/chatbot";

core::SourceLocation at(std::string file, int line, int column = 0, int endLine = 0,
                        int endColumn = 0) {
    return {root + "/" + file, line, column, endLine, endColumn};
}

core::Finding finding(std::string ruleId, std::string message, core::SourceLocation location,
                      core::Level level, std::string fingerprint) {
    core::Finding result;
    result.ruleId = std::move(ruleId);
    result.message = std::move(message);
    result.location = std::move(location);
    result.level = level;
    result.securitySeverity = 7.5;
    result.fingerprint = std::move(fingerprint);
    return result;
}

core::ScanResult scan() {
    core::ScanResult result;
    result.sourceRoot = root;
    result.arguments = {"/opt/privaudit/bin/privaudit", "scan", root + "/src", "--title",
                        "Bob's bot"};
    result.startTimeUtc = "2026-12-01T21:00:00Z";
    result.endTimeUtc = "2026-12-01T21:00:05Z";
    result.exitCode = 3;

    auto secret = finding("config/secret-in-plaintext",
                          "The Dialogflow CX webhook key is stored in plaintext.",
                          at("config/bot.yaml", 12, 5, 12, 31), core::Level::Error, "f1");
    secret.categories = {"credential"};
    auto retention =
        finding("config/transcript-retention", "Transcripts are kept without a retention limit.",
                at("config/bot.yaml", 20, 3, 20, 20), core::Level::Note, "f2");
    retention.suppression = core::Suppression{core::Suppression::Kind::InSource,
                                              "The platform deletes transcripts after 30 days."};
    auto storage = finding("cpp/cleartext-storage",
                           "The customer's e-mail address from [the request](1) is stored "
                           "without encryption.",
                           at("src/bot/handler.cpp", 42, 9, 42, 58), core::Level::Error, "f3");
    storage.categories = {"email", "name"};
    storage.related = {{at("src/bot/handler.cpp", 30, 25, 30, 51), "E-mail address read here."}};
    storage.flows = {{{at("src/bot/handler.cpp", 30, 25, 30, 51), "Personal data enters."},
                      {at("src/bot/handler.cpp", 42, 9, 42, 58), "Personal data is stored."}}};
    storage.baselineState = core::BaselineState::New;
    auto leak = finding("runtime/cross-session-leak",
                        "A phone number written in [one session](1) is read in [another](2).",
                        at("src/bot/session store.cpp", 7, 1, 9, 2), core::Level::Warning, "f4");
    leak.related = {{at("src/bot/session store.cpp", 3, 5, 3, 20), "Written here."},
                    {at("src/bot/session store.cpp", 7, 1, 7, 30), "Read here."}};
    leak.baselineState = core::BaselineState::Unchanged;
    result.findings = {secret, retention, storage, leak};

    core::Notification timeout{core::Notification::Kind::AnalysisTimedOut, core::Level::Error,
                               "The translation unit ran past 300 seconds.",
                               at("src/bot/legacy.cpp", 0)};
    core::Notification policy{core::Notification::Kind::PolicyError, core::Level::Warning,
                              "Unknown key 'rulez'.", at(".privaudit.yaml", 4, 1)};
    result.notifications = {timeout, policy};
    return result;
}

std::string sarifText(const core::ScanResult& result, const reporters::SarifOptions& options = {}) {
    std::ostringstream out;
    reporters::writeSarif(result, catalogue(), out, options);
    return out.str();
}

json sarifOf(const core::ScanResult& result, const reporters::SarifOptions& options = {}) {
    return json::parse(sarifText(result, options));
}

std::size_t codePoints(const std::string& text) {
    return std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

TEST(TextReporter, PrintsUnsuppressedFindingsCompilerStyle) {
    core::ScanResult result = scan();
    result.findings.push_back(finding("cpp/cleartext-storage", "No column.", at("src/a.cpp", 3),
                                      core::Level::Warning, "f5"));
    std::ostringstream out;
    reporters::writeText(result, out);
    EXPECT_EQ(out.str(), "config/bot.yaml:12:5: error: The Dialogflow CX webhook key is stored in "
                         "plaintext. [config/secret-in-plaintext]\n"
                         "src/bot/handler.cpp:42:9: error: The customer's e-mail address from [the "
                         "request](1) is stored without encryption. [cpp/cleartext-storage]\n"
                         "src/bot/session store.cpp:7:1: warning: A phone number written in [one "
                         "session](1) is read in [another](2). [runtime/cross-session-leak]\n"
                         "src/a.cpp:3: warning: No column. [cpp/cleartext-storage]\n");
}

TEST(JsonReporter, WritesEveryFindingAndNotification) {
    std::ostringstream out;
    reporters::writeJson(scan(), out);
    json report = json::parse(out.str());
    EXPECT_EQ(report["version"], PRIVAUDIT_VERSION);
    ASSERT_EQ(report["findings"].size(), 4u);

    EXPECT_EQ(report["findings"][0], json::parse(R"({
        "ruleId": "config/secret-in-plaintext", "level": "error", "severity": 7.5,
        "message": "The Dialogflow CX webhook key is stored in plaintext.",
        "file": "config/bot.yaml", "line": 12, "column": 5, "endLine": 12, "endColumn": 31,
        "categories": ["credential"], "fingerprint": "f1", "suppressed": false,
        "related": [], "flows": []})"));

    const json& retention = report["findings"][1];
    EXPECT_EQ(retention["suppressed"], true);
    EXPECT_EQ(retention["justification"], "The platform deletes transcripts after 30 days.");

    const json& storage = report["findings"][2];
    EXPECT_EQ(storage["baselineState"], "new");
    EXPECT_EQ(storage["related"], json::parse(R"([{
        "file": "src/bot/handler.cpp", "line": 30, "column": 25, "endLine": 30, "endColumn": 51,
        "message": "E-mail address read here."}])"));
    ASSERT_EQ(storage["flows"].size(), 1u);
    ASSERT_EQ(storage["flows"][0].size(), 2u);
    EXPECT_EQ(storage["flows"][0][1]["line"], 42);
    EXPECT_EQ(storage["flows"][0][1]["message"], "Personal data is stored.");
    EXPECT_EQ(report["findings"][3]["baselineState"], "unchanged");

    ASSERT_EQ(report["notifications"].size(), 2u);
    EXPECT_EQ(report["notifications"][0], json::parse(R"({
        "id": "analysis-timed-out", "level": "error",
        "message": "The translation unit ran past 300 seconds.",
        "file": "src/bot/legacy.cpp", "line": 0})"));
    EXPECT_EQ(report["notifications"][1]["file"], ".privaudit.yaml");

    std::ostringstream again;
    reporters::writeJson(scan(), again);
    EXPECT_EQ(out.str(), again.str());
}

// The report is written value by value, laid out as nlohmann's dump(2) lays out the same JSON:
// properties, logical locations, absent findings, escapes, non-ASCII and invalid UTF-8.
TEST(JsonReporter, LaysOutTheReportAsAPrettyPrintedTree) {
    core::ScanResult result = scan();
    core::Finding& secret = result.findings[0];
    secret.message = "A \"quoted\" key\\path\nin Stra\xc3\x9f"
                     "e 5, invalid \xff byte\x01.";
    secret.properties = {
        {"entity", std::string("EMAIL_ADDRESS")}, {"score", 0.85}, {"n", 1.0}, {"delta", -0.0}};
    secret.securitySeverity = 0.0; // written before the delta: equal to it, and not its text
    secret.logicalLocation = core::LogicalLocation{"/customer/email", "property"};
    core::Finding gone = result.findings[2];
    gone.baselineState = core::BaselineState::None;
    result.absentFindings = {result.findings[3], gone};
    std::ostringstream out;
    reporters::writeJson(result, out);
    using Ordered = nlohmann::ordered_json;
    EXPECT_EQ(out.str(), Ordered::parse(out.str()).dump(2) + "\n");
    Ordered report = Ordered::parse(out.str());
    EXPECT_EQ(report["findings"][0]["message"], "A \"quoted\" key\\path\nin Stra\xc3\x9f"
                                                "e 5, invalid \xef\xbf\xbd byte\x01.");
    EXPECT_EQ(report["findings"][0]["properties"]["score"], 0.85);
    EXPECT_TRUE(std::signbit(report["findings"][0]["properties"]["delta"].get<double>()));
    EXPECT_FALSE(std::signbit(report["findings"][0]["severity"].get<double>()));
    EXPECT_EQ(report["findings"][0]["logicalLocation"], "/customer/email");
    ASSERT_EQ(report["absentFindings"].size(), 2u);
    EXPECT_EQ(report["absentFindings"][0]["baselineState"], "absent");
    EXPECT_EQ(report["absentFindings"][1].back(), "absent");
}

// The log is streamed result by result; its bytes are what dump(2) prints for the same tree,
// nested results, related locations, code flows, absent results and escapes included.
TEST(SarifReporter, LaysOutTheLogAsAPrettyPrintedTree) {
    core::ScanResult result = scan();
    result.findings[0].message = "A \"quoted\" key\nin Stra\xc3\x9f"
                                 "e 5, invalid \xff byte.";
    result.absentFindings = {result.findings[3]};
    result.taintSummaries = {{"handler.cpp", {{"reads", 2}}}};
    std::string text = sarifText(result);
    using Ordered = nlohmann::ordered_json;
    EXPECT_EQ(text, Ordered::parse(text).dump(2) + "\n");
    Ordered log = Ordered::parse(text);
    EXPECT_EQ(log["runs"][0]["results"].size(), 5u);
    EXPECT_EQ(log["runs"][0]["properties"]["privaudit/taintSummaries"]["handler.cpp"]["reads"], 2);
}

TEST(SarifReporter, DescribesToolRulesAndCweTaxonomy) {
    json log = sarifOf(scan());
    EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    EXPECT_EQ(log["version"], "2.1.0");
    ASSERT_EQ(log["runs"].size(), 1u);
    const json& run = log["runs"][0];
    const json& driver = run["tool"]["driver"];
    EXPECT_EQ(driver["name"], "privaudit");
    EXPECT_EQ(driver["version"], PRIVAUDIT_VERSION);
    EXPECT_EQ(driver["semanticVersion"], PRIVAUDIT_VERSION);

    const json& rules = driver["rules"];
    ASSERT_EQ(rules.size(), 4u);
    EXPECT_EQ(rules[0]["id"], "config/secret-in-plaintext");
    json storage = json::parse(R"({
        "id": "cpp/cleartext-storage", "name": "CleartextStorage",
        "shortDescription": {"text": "Title of CleartextStorage"},
        "fullDescription": {"text": "A description of the risk."},
        "help": {"text": "Do **not** do that.", "markdown": "Do **not** do that."},
        "defaultConfiguration": {"level": "error"},
        "relationships": [
            {"target": {"id": "CWE-922", "index": 3, "toolComponent": {"name": "CWE", "index": 0}},
             "kinds": ["relevant"]},
            {"target": {"id": "CWE-312", "index": 0, "toolComponent": {"name": "CWE", "index": 0}},
             "kinds": ["relevant"]}],
        "properties": {
            "tags": ["security", "privacy", "privacy/storage", "external/cwe/cwe-922",
                     "external/cwe/cwe-312"],
            "precision": "high", "security-severity": "7.5"}})");
    storage["helpUri"] =
        "https://github.com/privaudit/privaudit/blob/main/docs/rules/cpp-cleartext-storage.md";
    EXPECT_EQ(rules[2], storage);

    const json& retention = rules[1];
    EXPECT_EQ(retention["properties"]["security-severity"], "4.0");
    EXPECT_FALSE(retention.contains("relationships"));
    std::string description = retention["fullDescription"]["text"];
    EXPECT_EQ(codePoints(description), 1024u);
    EXPECT_TRUE(description.ends_with("\u2026"));

    ASSERT_EQ(run["taxonomies"].size(), 1u);
    EXPECT_EQ(run["taxonomies"][0]["name"], "CWE");
    std::vector<std::string> taxa;
    for (const json& taxon : run["taxonomies"][0]["taxa"]) {
        taxa.push_back(taxon["id"]);
    }
    EXPECT_EQ(taxa, (std::vector<std::string>{"CWE-312", "CWE-488", "CWE-798", "CWE-922"}));
    EXPECT_EQ(driver["supportedTaxonomies"][0]["name"], "CWE");
}

TEST(SarifReporter, DescribesTheInvocation) {
    json log = sarifOf(scan());
    const json& run = log["runs"][0];
    const json& invocation = run["invocations"][0];
    EXPECT_EQ(invocation["executionSuccessful"], false);
    EXPECT_EQ(invocation["exitCode"], 3);
    EXPECT_EQ(invocation["arguments"],
              json::array({"privaudit", "scan", "src", "--title", "Bob's bot"}));
    EXPECT_EQ(invocation["commandLine"], R"(privaudit scan src --title 'Bob'\''s bot')");
    EXPECT_EQ(invocation["startTimeUtc"], "2026-12-01T21:00:00Z");
    EXPECT_EQ(invocation["endTimeUtc"], "2026-12-01T21:00:05Z");

    const json& notifications = invocation["toolExecutionNotifications"];
    ASSERT_EQ(notifications.size(), 2u);
    const json& descriptors = run["tool"]["driver"]["notifications"];
    for (const json& notification : notifications) {
        int index = notification["descriptor"]["index"];
        EXPECT_EQ(descriptors.at(index)["id"], notification["descriptor"]["id"]);
    }
    EXPECT_EQ(notifications[0]["descriptor"]["id"], "analysis-timed-out");
    EXPECT_EQ(notifications[0]["level"], "error");
    const json& unitLocation = notifications[0]["locations"][0]["physicalLocation"];
    EXPECT_EQ(unitLocation["artifactLocation"]["uri"], "src/bot/legacy.cpp");
    EXPECT_FALSE(unitLocation.contains("region"));
    EXPECT_EQ(notifications[1]["locations"][0]["physicalLocation"]["region"]["startLine"], 4);

    EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"].size(), 1u);
    EXPECT_TRUE(run["originalUriBaseIds"]["%SRCROOT%"].contains("description"));
    EXPECT_EQ(run["automationDetails"]["id"], "privaudit/scan/2026-12-01T21:00:00Z");
    EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
}

TEST(SarifReporter, WritesResultsWithLocationsFlowsAndFingerprints) {
    json log = sarifOf(scan());
    const json& run = log["runs"][0];
    const json& results = run["results"];
    ASSERT_EQ(results.size(), 4u);
    for (const json& result : results) {
        EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"],
                  result["ruleId"]);
        EXPECT_EQ(result["partialFingerprints"].size(), 1u);
        EXPECT_FALSE(result["partialFingerprints"].contains("primaryLocationLineHash"));
    }

    const json& storage = results[2];
    EXPECT_EQ(storage["level"], "error");
    EXPECT_EQ(storage["partialFingerprints"]["privauditFinding/v1"], "f3");
    EXPECT_EQ(storage["baselineState"], "new");
    EXPECT_EQ(storage["properties"]["dataCategories"], json::array({"email", "name"}));
    const json& primary = storage["locations"][0]["physicalLocation"];
    EXPECT_EQ(primary["artifactLocation"],
              json({{"uri", "src/bot/handler.cpp"}, {"uriBaseId", "%SRCROOT%"}}));
    EXPECT_EQ(primary["region"],
              json({{"startLine", 42}, {"startColumn", 9}, {"endLine", 42}, {"endColumn", 58}}));
    EXPECT_EQ(storage["relatedLocations"][0]["id"], 1);
    EXPECT_EQ(storage["relatedLocations"][0]["message"]["text"], "E-mail address read here.");
    const json& steps = storage["codeFlows"][0]["threadFlows"][0]["locations"];
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0]["location"]["physicalLocation"]["region"]["startLine"], 30);
    EXPECT_EQ(steps[1]["location"]["message"]["text"], "Personal data is stored.");

    const json& leak = results[3];
    EXPECT_EQ(leak["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "src/bot/session%20store.cpp");
    EXPECT_EQ(leak["relatedLocations"][1]["id"], 2);
    EXPECT_EQ(leak["baselineState"], "unchanged");
    EXPECT_FALSE(leak.contains("codeFlows"));
    EXPECT_FALSE(leak.contains("properties"));

    const json& retention = results[1];
    EXPECT_EQ(
        retention["suppressions"],
        json::array({{{"kind", "inSource"},
                      {"status", "accepted"},
                      {"justification", "The platform deletes transcripts after 30 days."}}}));
    EXPECT_FALSE(results[0].contains("suppressions"));
    EXPECT_FALSE(results[0].contains("baselineState"));
}

TEST(SarifReporter, WritesPartialRegionsAndPathsOutsideTheSourceRoot) {
    core::ScanResult result = scan();
    result.findings = {
        finding("cpp/cleartext-storage", "Line only.", at("a.cpp", 3), core::Level::Warning, "x"),
        finding("cpp/cleartext-storage", "Outside.", {"/elsewhere/b.cpp", 5, 2, 0, 0},
                core::Level::Warning, "y")};
    json results = sarifOf(result)["runs"][0]["results"];
    EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"],
              json({{"startLine", 3}, {"endLine", 3}}));
    EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"],
              json({{"uri", "file:///elsewhere/b.cpp"}}));
}

TEST(SarifReporter, LeavesOutUnknownRulesAndOptionallySuppressedFindings) {
    core::ScanResult result = scan();
    result.findings.push_back(
        finding("cpp/no-such-rule", "Unknown.", at("a.cpp", 1, 1), core::Level::Error, "z"));
    EXPECT_EQ(sarifOf(result)["runs"][0]["results"].size(), 4u);
    json forGitHub = sarifOf(result, {.includeSuppressed = false})["runs"][0]["results"];
    ASSERT_EQ(forGitHub.size(), 3u);
    for (const json& entry : forGitHub) {
        EXPECT_FALSE(entry.contains("suppressions"));
    }
}

TEST(SarifReporter, WritesAnEmptyResultsArrayForACleanScan) {
    core::ScanResult clean = scan();
    clean.findings.clear();
    std::string log = sarifText(clean);
    json results = json::parse(log)["runs"][0]["results"];
    EXPECT_TRUE(results.is_array());
    EXPECT_TRUE(results.empty());
    EXPECT_EQ(log, sarifText(clean));
}

struct Validation {
    int exitCode = -1;
    std::string output;
};

Validation validateSarif(const std::string& options, const std::string& log) {
    std::string path =
        ::testing::TempDir() + "privaudit-reporters-" + std::to_string(::getpid()) + ".sarif";
    std::ofstream(path) << log;
    std::string command =
        PRIVAUDIT_SHARED_DIR "/tools/validate-sarif " + options + " '" + path + "' 2>&1";
    Validation validation;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        return validation;
    }
    char buffer[4096];
    while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) {
        validation.output.append(buffer, read);
    }
    int status = ::pclose(pipe);
    validation.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::filesystem::remove(path);
    return validation;
}

class SarifValidation : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(PRIVAUDIT_SHARED_DIR "/tools/validate-sarif")) {
            GTEST_SKIP() << "validate-sarif not found under " PRIVAUDIT_SHARED_DIR;
        }
    }
};

TEST_F(SarifValidation, GitHubBoundLogPassesStrictValidation) {
    Validation validation =
        validateSarif("--strict", sarifText(scan(), {.includeSuppressed = false}));
    EXPECT_EQ(validation.exitCode, 0) << validation.output;
}

// GitHub does not honour SARIF suppressions, so the validator warns about every suppressed
// result; that must be the only thing it has to say about the full log.
TEST_F(SarifValidation, FullLogOnlyWarnsAboutSuppressedResults) {
    Validation validation = validateSarif("", sarifText(scan()));
    EXPECT_EQ(validation.exitCode, 0) << validation.output;
    std::istringstream lines(validation.output);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("warning:")) {
            EXPECT_NE(line.find("[github/suppressed-result]"), std::string::npos) << line;
        }
    }
}

TEST_F(SarifValidation, CleanScanPassesStrictValidation) {
    core::ScanResult clean = scan();
    clean.findings.clear();
    Validation validation = validateSarif("--strict", sarifText(clean));
    EXPECT_EQ(validation.exitCode, 0) << validation.output;
}

} // namespace
