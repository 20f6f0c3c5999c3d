// The one runner for annotated testdata: scans every folder under testdata/ (but the
// hostile-input corpus testdata/bad) and requires findings and annotations to match exactly, both
// ways. Runtime artifacts (testdata/runtime, the demo's logs) are scanned with scan-data.
#include "tests/annotations.h"
#include "tests/run_privaudit.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;

// Folders of runtime artifacts, scanned by scan-data rather than scan.
const std::vector<std::string> artifactFolders = {"testdata/runtime", "testdata/demo/logs"};

std::set<Mark> scanFindings(const std::vector<std::string>& folders,
                            const std::string& command = "scan") {
    TempDir temp;
    std::string report = temp.path() + "/report.json";
    std::vector<std::string> args = {command};
    args.insert(args.end(), folders.begin(), folders.end());
    args.insert(args.end(), {"--format", "json", "-o", report, "--fail-on", "none", "--quiet",
                             "--source-root", "."});
    CommandResult result = runPrivaudit(args);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return findingsOfJsonReport(readFile(report));
}

std::vector<std::string> annotatedFolders() {
    std::vector<std::string> folders;
    for (const auto& entry : fs::directory_iterator(fs::path(PRIVAUDIT_SOURCE_DIR) / "testdata")) {
        // testdata/bots are running bots: probe_test talks to them rather than scans them;
        // testdata/fuzz holds the fuzzers' seed and regression inputs, not annotated cases.
        std::string name = entry.path().filename().string();
        if (entry.is_directory() && name != "bad" && name != "runtime" && name != "bots" &&
            name != "fuzz") {
            folders.push_back("testdata/" + entry.path().filename().string());
        }
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

TEST(AnnotatedTestdata, FindingsMatchAnnotationsBothWays) {
    std::vector<std::string> folders = annotatedFolders();
    ASSERT_FALSE(folders.empty());
    std::set<Mark> findings = scanFindings(folders);
    findings.merge(scanFindings(artifactFolders, "scan-data"));
    folders.push_back("testdata/runtime");
    Annotations annotations = readAnnotations(PRIVAUDIT_SOURCE_DIR, folders);
    ASSERT_FALSE(annotations.expected.empty());
    for (const std::string& problem : compareAnnotations(annotations, findings)) {
        ADD_FAILURE() << problem;
    }
}

// The runner must be able to fail: this fixture has a line annotated for a finding that does
// not happen and a finding without an annotation.
TEST(AnnotatedTestdata, RunnerCatchesWrongAnnotations) {
    std::vector<std::string> folders = {"tests/fixtures/wrong-annotation"};
    Annotations annotations = readAnnotations(PRIVAUDIT_SOURCE_DIR, folders);
    std::vector<std::string> problems = compareAnnotations(annotations, scanFindings(folders));
    std::vector<std::string> expected = {
        "expected but not reported: tests/fixtures/wrong-annotation/bot.cpp:8: "
        "cpp/hardcoded-secret",
        "reported but not annotated: tests/fixtures/wrong-annotation/bot.cpp:5: "
        "cpp/hardcoded-secret",
        "reported on a line marked ok: tests/fixtures/wrong-annotation/bot.cpp:11: "
        "cpp/hardcoded-secret",
    };
    EXPECT_EQ(problems, expected);
}

} // namespace

} // namespace privaudit::testing
