// The bad-input corpus (testdata/bad-input): every broken file gets one clear line naming the
// file (and line where there is one), the rest of the scan goes on, and the report is whole.
#include "tests/run_privaudit.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

namespace privaudit::testing {

namespace {

TEST(BadInput, EveryBrokenFileIsOneLineAndTheScanGoesOn) {
    TempDir dir;
    std::string sarif = dir.path() + "/bad.sarif";
    CommandResult result =
        runPrivaudit({"scan", "testdata/bad-input", "-o", sarif, "--quiet", "--source-root", "."});
    EXPECT_EQ(result.exitCode, 3) << result.err;
    for (const char* line : {
             "testdata/bad-input/unterminated-string.yml:3:13: error: invalid YAML: ",
             "testdata/bad-input/missing-value.json:4:1: error: invalid JSON: ",
             "testdata/bad-input/deep-nesting.yaml:1:",
             "testdata/bad-input/latin1.yaml: error: binary file",
             "testdata/bad-input/logo.json: error: binary file",
             "testdata/bad-input/broken.cpp:1:22: warning: 1 compile error(s)",
             "testdata/bad-input/alias-bomb.yaml:6:8: error: invalid YAML: aliases expand to more "
             "than",
             "testdata/bad-input/archy-template.yaml:2: warning: unrendered template placeholders",
             "testdata/bad-input/duplicate-keys.yml:5:3: warning: duplicate key 'use_ssl' (first "
             "at line 4); the last one is used",
         }) {
        EXPECT_NE(result.err.find(line), std::string::npos) << line << "\n" << result.err;
    }
    EXPECT_EQ(result.err.find("empty.yml"), std::string::npos) << "an empty file is valid";
    for (const char* loaded : {"custom-tags.yaml", "bom-crlf-endpoints.yml:"}) {
        EXPECT_EQ(result.err.find(loaded), std::string::npos) << loaded << " loads";
    }
    EXPECT_EQ(result.err.find("terminate called"), std::string::npos) << "no crash";

    auto log = nlohmann::json::parse(readFile(sarif));
    auto& invocation = log["runs"][0]["invocations"][0];
    EXPECT_FALSE(invocation["executionSuccessful"].get<bool>());
    EXPECT_EQ(invocation["toolExecutionNotifications"].size(), 9u);

    // Loaded despite their quirks: a byte order mark and CRLF line ends do not move positions;
    // of duplicate keys the last one counts (use_ssl: false), as in the platforms' parsers.
    std::set<std::string> findings;
    for (const auto& finding : log["runs"][0]["results"]) {
        const auto& location = finding["locations"][0]["physicalLocation"];
        findings.insert(location["artifactLocation"]["uri"].get<std::string>() + ":" +
                        std::to_string(location["region"]["startLine"].get<int>()) + ":" +
                        std::to_string(location["region"]["startColumn"].get<int>()) + " " +
                        finding["ruleId"].get<std::string>());
    }
    EXPECT_TRUE(findings.contains(
        "testdata/bad-input/bom-crlf-endpoints.yml:4:13 config/secret-in-plaintext"));
    EXPECT_TRUE(
        findings.contains("testdata/bad-input/duplicate-keys.yml:1:1 config/unencrypted-store"));
}

TEST(BadInput, ReportIsNotWrittenHalfWhenTheTargetIsAFolder) {
    TempDir dir;
    std::filesystem::create_directories(dir.path() + "/report.sarif");
    CommandResult result =
        runPrivaudit({"scan", "testdata/bad-input/empty.yml", "-o", dir.path() + "/report.sarif"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("report.sarif"), std::string::npos) << result.err;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename(), "report.sarif") << "no temporary file left behind";
    }
}

} // namespace

} // namespace privaudit::testing
