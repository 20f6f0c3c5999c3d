// The bad-input corpus (testdata/bad-input): every broken file gets one clear line naming the
// file (and line where there is one), the rest of the scan goes on, and the report is whole.
#include "tests/run_privaudit.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
         }) {
        EXPECT_NE(result.err.find(line), std::string::npos) << line << "\n" << result.err;
    }
    EXPECT_EQ(result.err.find("empty.yml"), std::string::npos) << "an empty file is valid";
    EXPECT_EQ(result.err.find("terminate called"), std::string::npos) << "no crash";

    auto log = nlohmann::json::parse(readFile(sarif));
    auto& invocation = log["runs"][0]["invocations"][0];
    EXPECT_FALSE(invocation["executionSuccessful"].get<bool>());
    EXPECT_EQ(invocation["toolExecutionNotifications"].size(), 6u);
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
