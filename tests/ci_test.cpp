// CI use: baselines on a git repository made in the test, Markdown for pull requests and
// JUnit XML for test-report views.
#include "tests/demo_scan.h"
#include "tests/git_repo.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace privaudit::testing {

namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kOldSecret = "const char* dbPassword = \"Tr0ub4dor&3-prod\";\n";
const std::string kNewSecret = "const char* apiToken = \"sk_live_9f8e7d6c5b4a3f2e1d0c\";\n";
const std::string kFixedLine = "const char* dbPassword = getenv(\"DB_PASSWORD\");\n";

std::vector<std::string> statesOf(const json& sarif) {
    std::vector<std::string> states;
    for (const json& result : sarif["runs"][0]["results"]) {
        states.push_back(
            result.value("baselineState", "") + " " +
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .get<std::string>() +
            ":" +
            std::to_string(
                result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>()));
    }
    return states;
}

TEST(Baseline, OnlyNewFindingsFailAndMovedOnesStayUnchanged) {
    GitRepo repo;
    repo.write("src/db.cpp", "#include <cstdlib>\n" + kOldSecret);
    repo.write("src/payments.cpp", "#include <cstdlib>\n" + kOldSecret);
    repo.commit("first");
    std::string baseline = repo.path() + "/base.sarif";
    CommandResult first = runPrivaudit(
        {"scan", repo.path() + "/src", "--write-baseline", baseline, "--fail-on", "none"});
    ASSERT_EQ(first.exitCode, 0) << first.err;

    // The pull request moves the old secret down, fixes the one in payments and adds a new one.
    repo.write("src/db.cpp", "#include <cstdlib>\n// moved\n\n" + kOldSecret + kNewSecret);
    repo.write("src/payments.cpp", "#include <cstdlib>\n" + kFixedLine);
    repo.commit("second");
    std::string sarif = repo.path() + "/pr.sarif";
    CommandResult second =
        runPrivaudit({"scan", repo.path() + "/src", "--baseline", baseline, "-o", sarif, "-q"});
    EXPECT_EQ(second.exitCode, 1) << second.err;
    EXPECT_EQ(statesOf(json::parse(readFile(sarif))),
              (std::vector<std::string>{"unchanged src/db.cpp:4", "new src/db.cpp:5",
                                        "absent src/payments.cpp:2"}));

    // With only known findings left, the run passes although they are errors.
    repo.write("src/db.cpp", "#include <cstdlib>\n// moved\n\n" + kOldSecret);
    CommandResult known = runPrivaudit({"scan", repo.path() + "/src", "--baseline", baseline});
    EXPECT_EQ(known.exitCode, 0) << known.out << known.err;
    EXPECT_EQ(runPrivaudit({"scan", repo.path() + "/src"}).exitCode, 1);

    // The Markdown comment lists the new finding only; report does the same from SARIF files.
    repo.write("src/db.cpp", "#include <cstdlib>\n// moved\n\n" + kOldSecret + kNewSecret);
    CommandResult markdown = runPrivaudit(
        {"scan", repo.path() + "/src", "--baseline", baseline, "--format", "markdown"});
    EXPECT_TRUE(contains(markdown.out, "## privaudit: 1 new privacy finding(s)")) << markdown.out;
    EXPECT_TRUE(contains(markdown.out, "`src/db.cpp:5:")) << markdown.out;
    EXPECT_FALSE(contains(markdown.out, "`src/db.cpp:4:")) << markdown.out;
    EXPECT_TRUE(contains(markdown.out, "| 1 | 1 | 1 |")) << "new, unchanged, fixed";
    EXPECT_FALSE(contains(markdown.out, "sk_live_9f8e")) << "the secret must be masked";

    CommandResult fromFiles = runPrivaudit(
        {"report", sarif, "--baseline", baseline, "--format", "markdown", "--fail-on", "error"});
    EXPECT_EQ(fromFiles.exitCode, 0) << fromFiles.err;
}

TEST(Baseline, UnreadableBaselineIsAUsageError) {
    TempDir dir;
    dir.write("src/db.cpp", kOldSecret);
    dir.write("bad.sarif", "{\"version\": \"2.0.0\"}");
    CommandResult result =
        runPrivaudit({"scan", dir.path() + "/src", "--baseline", dir.path() + "/bad.sarif"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(contains(result.err, "bad.sarif: not a SARIF 2.1.0 log")) << result.err;
}

TEST(Reports, MarkdownJunitAndJsonFromTheDemoScan) {
    CommandResult markdown = runPrivaudit({"report", demoSarifPath(), "--format", "markdown"});
    ASSERT_EQ(markdown.exitCode, 0) << markdown.err;
    int total = static_cast<int>(demoSarif()["runs"][0]["results"].size());
    EXPECT_TRUE(
        contains(markdown.out, "## privaudit: " + std::to_string(total) + " privacy finding(s)"))
        << markdown.out;
    EXPECT_TRUE(contains(markdown.out, "**Scorecard:** Anonymization at risk")) << markdown.out;
    EXPECT_TRUE(contains(markdown.out, "| error | `cpp/hardcoded-secret` | `testdata/demo/src/"));

    TempDir out;
    std::string junit = out.path() + "/privaudit.xml";
    ASSERT_EQ(runPrivaudit({"report", demoSarifPath(), "-o", junit}).exitCode, 0);
    std::string xml = readFile(junit);
    int errors = demoResultsAtLevel("error");
    EXPECT_TRUE(contains(xml, "<testsuites name=\"privaudit\" tests=\"")) << xml;
    EXPECT_TRUE(contains(xml, "failures=\"" + std::to_string(errors) + "\"")) << xml;
    EXPECT_TRUE(contains(xml, "<testsuite name=\"cpp/hardcoded-secret\""));
    EXPECT_TRUE(contains(xml, "<skipped message=\"below --fail-on\"/>"));
    EXPECT_TRUE(contains(xml, "flow:\n  testdata/demo/src/"));

    CommandResult asJson = runPrivaudit({"report", demoSarifPath(), "--format", "json"});
    ASSERT_EQ(asJson.exitCode, 0);
    json report = json::parse(asJson.out);
    EXPECT_EQ(static_cast<int>(report["findings"].size()), total);

    // SARIF read back and written again holds the same results.
    CommandResult asSarif = runPrivaudit({"report", demoSarifPath(), "--format", "sarif"});
    json again = json::parse(asSarif.out);
    EXPECT_TRUE(again["runs"][0]["results"] == demoSarif()["runs"][0]["results"]);
    EXPECT_EQ(again["runs"][0]["artifacts"], demoSarif()["runs"][0]["artifacts"]);
}

TEST(Shards, MergedShardsEqualTheWholeScan) {
    TempDir out;
    std::vector<std::string> reports;
    std::size_t analyzed = 0;
    for (int shard = 1; shard <= 3; ++shard) {
        std::string report = out.path() + "/shard-" + std::to_string(shard) + ".sarif";
        CommandResult scan =
            runPrivaudit({"scan", "testdata/demo", "--shard", std::to_string(shard) + "/3", "-o",
                          report, "--fail-on", "none", "-q"});
        ASSERT_EQ(scan.exitCode, 0) << scan.err;
        json part = json::parse(readFile(report));
        std::size_t files = part["runs"][0]["artifacts"].size();
        EXPECT_LT(files, demoSarif()["runs"][0]["artifacts"].size()) << "shard " << shard;
        analyzed += files;
        reports.push_back(report);
    }
    EXPECT_EQ(analyzed, demoSarif()["runs"][0]["artifacts"].size()) << "each file in one shard";

    std::string merged = out.path() + "/all.sarif";
    std::vector<std::string> merge = {"merge"};
    merge.insert(merge.end(), reports.begin(), reports.end());
    merge.insert(merge.end(), {"-o", merged, "--fail-on", "none"});
    CommandResult result = runPrivaudit(merge);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    json all = json::parse(readFile(merged));
    const json& whole = demoSarif()["runs"][0];
    EXPECT_FALSE(all["runs"][0].contains("properties")) << "no taint summaries in the result";
    EXPECT_EQ(all["runs"][0]["artifacts"], whole["artifacts"]);
    ASSERT_EQ(all["runs"][0]["results"].size(), whole["results"].size());
    // Same findings with the same fingerprints, flows and snippets, in the same order.
    EXPECT_TRUE(all["runs"][0]["results"] == whole["results"]);

    EXPECT_EQ(runPrivaudit({"scan", "testdata/demo", "--shard", "4/3"}).exitCode, 2);
    EXPECT_EQ(runPrivaudit({"scan", "testdata/demo", "--shard", "1"}).exitCode, 2);
}

std::vector<std::string> reportedFiles(const std::string& jsonReport) {
    std::vector<std::string> files;
    json report = json::parse(jsonReport);
    for (const json& finding : report["findings"]) {
        files.push_back(finding["file"].get<std::string>() + ":" +
                        std::to_string(finding["line"].get<int>()));
    }
    return files;
}

TEST(ChangedSince, ReportsFindingsOfChangedFilesAndOfUnitsIncludingChangedHeaders) {
    GitRepo repo;
    repo.write("include/keys.h", "#pragma once\n#define REGION \"eu\"\n");
    repo.write("src/a.cpp", "#include \"../include/keys.h\"\n" + kOldSecret);
    repo.write("src/b.cpp", kOldSecret);
    repo.write("src/c.cpp", kNewSecret);
    std::string base = repo.commit("base");
    repo.write("src/c.cpp", "// reviewed\n" + kNewSecret);
    repo.commit("c changed");

    // Since the base commit only c.cpp changed; since HEAD nothing has.
    CommandResult sinceBase =
        runPrivaudit({"scan", repo.path() + "/src", "--changed-since", base, "--format", "json"});
    EXPECT_EQ(sinceBase.exitCode, 1) << sinceBase.err;
    EXPECT_EQ(reportedFiles(sinceBase.out), std::vector<std::string>{"src/c.cpp:2"});
    CommandResult sinceHead =
        runPrivaudit({"scan", repo.path() + "/src", "--changed-since", "HEAD", "--format", "json"});
    EXPECT_EQ(sinceHead.exitCode, 0) << sinceHead.err;
    EXPECT_TRUE(reportedFiles(sinceHead.out).empty());

    // An edited header brings in the units that include it; a new file counts as changed.
    repo.write("include/keys.h", "#pragma once\n#define REGION \"us\"\n");
    repo.write("bot/endpoints.yml", "tracker_store:\n  type: SQL\n  password: \"Tr0ub4dor&3\"\n");
    CommandResult edited = runPrivaudit({"scan", repo.path() + "/src", repo.path() + "/bot",
                                         "--changed-since", "HEAD", "--format", "json"});
    EXPECT_EQ(reportedFiles(edited.out),
              (std::vector<std::string>{"bot/endpoints.yml:3", "src/a.cpp:2"}))
        << edited.out << edited.err;

    CommandResult badRef =
        runPrivaudit({"scan", repo.path() + "/src", "--changed-since", "no-such-branch"});
    EXPECT_EQ(badRef.exitCode, 2);
    EXPECT_TRUE(contains(badRef.err, "unknown git revision 'no-such-branch'")) << badRef.err;
}

// `scan` of the folder's src/ with results cached in `cache`, as JSON.
CommandResult scanWithCache(const TempDir& dir, const std::string& cache) {
    return runPrivaudit({"scan", dir.path() + "/src", "--cache", cache, "--format", "json",
                         "--source-root", dir.path()});
}

TEST(Cache, ReusesUnchangedUnitsAndNeverStaleOnes) {
    TempDir dir;
    dir.write("config/secrets.h", "#define SECRET \"Tr0ub4dor&3-prod\"\n");
    dir.write("src/db.cpp", "#include \"../config/secrets.h\"\nconst char* password = SECRET;\n");
    dir.write("src/other.cpp", kNewSecret);
    std::string cache = dir.path() + "/cache";
    auto scan = [&] {
        return scanWithCache(dir, cache);
    };
    CommandResult cold = scan();
    ASSERT_EQ(cold.exitCode, 1) << cold.out << cold.err;
    EXPECT_EQ(reportedFiles(cold.out),
              (std::vector<std::string>{"config/secrets.h:1", "src/other.cpp:1"}));
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(cache)) {
        ++entries;
    }
    EXPECT_EQ(entries, 2) << "one entry per translation unit";
    // The cache holds results as produced: the secret itself is not in it in the clear.
    for (const auto& entry : std::filesystem::directory_iterator(cache)) {
        EXPECT_FALSE(contains(readFile(entry.path().string()), "Tr0ub4dor"));
    }

    CommandResult warm = scan();
    EXPECT_EQ(json::parse(warm.out)["findings"], json::parse(cold.out)["findings"]);

    // A header the unit includes changes: the unit is analyzed again, not taken from the cache.
    dir.write("config/secrets.h", "#include <cstdlib>\n#define SECRET std::getenv(\"DB\")\n");
    EXPECT_EQ(reportedFiles(scan().out), std::vector<std::string>{"src/other.cpp:1"});
    // So does the policy.
    dir.write(".privaudit.yaml", "rules:\n  cpp/hardcoded-secret: off\n");
    EXPECT_TRUE(reportedFiles(scan().out).empty());
}

// Entries of another shape (a full disk, another version, a hand edit) are misses: the unit is
// analyzed again and the entry rewritten.
TEST(Cache, ADamagedEntryIsAMissNotACrash) {
    TempDir dir;
    dir.write("src/other.cpp", kNewSecret);
    const std::string cache = dir.path() + "/cache";
    const CommandResult cold = scanWithCache(dir, cache);
    ASSERT_EQ(cold.exitCode, 1) << cold.err;
    for (std::string damaged : {"\"an entry\"", "{\"key\": 5, \"output\": []}",
                                "{\"key\": \"x\", \"reads\": [1], \"output\": \"\"}", "{\"ke"}) {
        for (const auto& entry : std::filesystem::directory_iterator(cache)) {
            std::ofstream(entry.path(), std::ios::trunc) << damaged;
        }
        CommandResult again = scanWithCache(dir, cache);
        EXPECT_EQ(again.exitCode, 1) << damaged << ": " << again.err;
        EXPECT_EQ(reportedFiles(again.out), reportedFiles(cold.out)) << damaged;
    }
}

TEST(Editors, SarifLoadsInTheVsCodeSarifViewer) {
    const json& log = demoSarif();
    // The viewer's load gate: version 2.1.0 and a $schema whose file name is sarif-2.1.0.
    EXPECT_EQ(log["version"], "2.1.0");
    EXPECT_TRUE(log["$schema"].get<std::string>().ends_with("/sarif-2.1.0.json"));
    const json& run = log["runs"][0];
    ASSERT_TRUE(run["originalUriBaseIds"].contains("%SRCROOT%"));
    EXPECT_FALSE(run["originalUriBaseIds"]["%SRCROOT%"].contains("uri"))
        << "no absolute path of the scanning machine";
    for (const json& result : run["results"]) {
        const json& artifact = result["locations"][0]["physicalLocation"]["artifactLocation"];
        EXPECT_EQ(artifact["uriBaseId"], "%SRCROOT%");
        EXPECT_FALSE(artifact["uri"].get<std::string>().starts_with("/"));
        EXPECT_TRUE(result.contains("ruleIndex"));
    }
}

TEST(Editors, StdinFilenameScansTheEditorsBufferWithTheFilesFlags) {
    TempDir dir;
    dir.write("src/db.cpp", "int unrelated;\n");
    dir.write("include/keys.h", "#define SECRET \"Tr0ub4dor&3-prod\"\n");
    json database = json::array({{{"directory", dir.path()},
                                  {"file", "src/db.cpp"},
                                  {"command", "g++ -std=c++17 -Iinclude -c src/db.cpp"}}});
    dir.write("build/compile_commands.json", database.dump());
    std::string buffer = dir.write(
        "buffer.txt", "// unsaved\n#include \"keys.h\"\nconst char* password = SECRET;\n");
    std::string out = dir.path() + "/out.txt";
    std::string command = std::string(PRIVAUDIT_BINARY) + " scan --stdin-filename " + dir.path() +
                          "/src/db.cpp -p " + dir.path() + "/build --source-root " + dir.path() +
                          " <" + buffer + " >" + out + " 2>&1";
    int status = std::system(command.c_str());
    std::string text = readFile(out);
    EXPECT_EQ(WEXITSTATUS(status), 1) << text;
    EXPECT_TRUE(contains(text, "include/keys.h:1:16: error: Hard-coded password")) << text;
    EXPECT_FALSE(contains(text, "Tr0ub4dor"));

    std::string config =
        dir.write("config.txt", "slack:\n  slack_token: \"xoxb-1234-5678-abcdefgh\"\n");
    command = std::string(PRIVAUDIT_BINARY) + " scan --stdin-filename " + dir.path() +
              "/bot/credentials.yml --source-root " + dir.path() + " <" + config + " >" + out +
              " 2>&1";
    status = std::system(command.c_str());
    text = readFile(out);
    EXPECT_EQ(WEXITSTATUS(status), 1) << text;
    EXPECT_TRUE(contains(text, "bot/credentials.yml:2:")) << text;
    EXPECT_EQ(runPrivaudit({"scan", "--stdin-filename", "a.cpp", "b.cpp"}).exitCode, 2);
}

TEST(Reports, BadInputsAreUsageErrors) {
    TempDir dir;
    dir.write("broken.sarif", "{\"version\": \"2.1.0\", \"runs\": [");
    CommandResult broken = runPrivaudit({"report", dir.path() + "/broken.sarif"});
    EXPECT_EQ(broken.exitCode, 2);
    EXPECT_TRUE(contains(broken.err, "broken.sarif: not valid JSON")) << broken.err;
    EXPECT_EQ(runPrivaudit({"report"}).exitCode, 2);
    EXPECT_EQ(runPrivaudit({"report", dir.path() + "/none.sarif"}).exitCode, 2);
    EXPECT_EQ(runPrivaudit({"report", "--format", "pdf", "x.sarif"}).exitCode, 2);
}

} // namespace

} // namespace privaudit::testing
