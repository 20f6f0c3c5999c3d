// Unit tests for core: policy, suppressions, fingerprints, isolated jobs, discovery, masking,
// finding properties and relative paths.
#include "analyzers/config/document_loader.h"
#include "checks/catalogue.h"
#include "core/discovery.h"
#include "core/finalize.h"
#include "core/fingerprint.h"
#include "core/isolated_jobs.h"
#include "core/masking.h"
#include "core/paths.h"
#include "core/policy.h"
#include "core/properties.h"
#include "core/suppressions.h"
#include "tests/run_privaudit.h"

#include <csignal>
#include <gtest/gtest.h>
#include <thread>

namespace privaudit::testing {

namespace {

using core::Level;

core::Finding findingAt(const std::string& rule, const std::string& file, int line, int column) {
    core::Finding finding;
    finding.ruleId = rule;
    finding.message = "m";
    finding.location = {file, line, column};
    return finding;
}

core::Policy policyFrom(const TempDir& dir, const std::string& yaml,
                        std::vector<core::Notification>& errors) {
    std::string path = dir.write(".privaudit.yaml", yaml);
    auto loaded = config::loadDocuments(yaml, config::DocumentFormat::Yaml);
    EXPECT_FALSE(loaded.error);
    return core::Policy::fromTree(loaded.documents.at(0), path, checks::builtinCatalogue(), errors);
}

TEST(Policy, DisablesRulesOverridesLevelsAndExcludesPaths) {
    TempDir dir;
    std::vector<core::Notification> errors;
    core::Policy policy = policyFrom(dir,
                                     "rules:\n"
                                     "  cpp/hardcoded-secret: warning\n"
                                     "  config/secret-in-plaintext: off\n"
                                     "exclude:\n"
                                     "  - third_party/\n"
                                     "  - '*.generated.cpp'\n",
                                     errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_FALSE(policy.isEnabled("config/secret-in-plaintext"));
    EXPECT_TRUE(policy.isEnabled("cpp/hardcoded-secret"));
    EXPECT_EQ(policy.levelFor(*checks::builtinCatalogue().find("cpp/hardcoded-secret")),
              Level::Warning);
    EXPECT_TRUE(policy.isExcluded(dir.path() + "/third_party/json/json.hpp"));
    EXPECT_TRUE(policy.isExcluded(dir.path() + "/src/api.generated.cpp"));
    EXPECT_FALSE(policy.isExcluded(dir.path() + "/src/api.cpp"));
}

TEST(Policy, UnknownKeysRulesAndValuesAreErrorsWithTheirLine) {
    TempDir dir;
    std::vector<core::Notification> errors;
    core::Policy policy = policyFrom(dir,
                                     "rules:\n"
                                     "  cpp/no-such-rule: off\n"
                                     "  cpp/hardcoded-secret: loud\n"
                                     "excludes: [build]\n",
                                     errors);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].location.line, 2);
    EXPECT_NE(errors[0].message.find("unknown rule 'cpp/no-such-rule'"), std::string::npos);
    EXPECT_EQ(errors[1].location.line, 3);
    EXPECT_EQ(errors[2].location.line, 4);
    EXPECT_NE(errors[2].oneLine().find(".privaudit.yaml:4:1: error: unknown key 'excludes'"),
              std::string::npos);
    EXPECT_TRUE(policy.isEnabled("cpp/hardcoded-secret"));
}

TEST(Policy, IsFoundInTheScannedFolderOrAbove) {
    TempDir dir;
    dir.write(".privaudit.yaml", "rules: {}\n");
    std::string nested = dir.write("src/bot/handler.cpp", "");
    EXPECT_EQ(core::Policy::findUpward(nested), dir.path() + "/.privaudit.yaml");
}

TEST(Suppressions, MatchTheRuleOnTheLineOrTheLineAbove) {
    TempDir dir;
    std::string file =
        dir.write("a.cpp", "// privaudit-ignore[cpp/hardcoded-secret]: sandbox account\n"
                           "const char* p = \"x\";\n"
                           "const char* q = \"y\"; // privaudit-ignore[a/b, cpp/hardcoded-secret]\n"
                           "const char* r = \"z\";\n");
    core::SourceFiles sources;
    auto above = core::findInlineSuppression(sources, {file, 2}, "cpp/hardcoded-secret");
    ASSERT_TRUE(above);
    EXPECT_EQ(above->justification, "sandbox account");
    EXPECT_TRUE(core::findInlineSuppression(sources, {file, 3}, "cpp/hardcoded-secret"));
    EXPECT_FALSE(core::findInlineSuppression(sources, {file, 2}, "config/secret-in-plaintext"));
    // Line 4's line above carries a suppression, but only as a trailing comment of line 3.
    EXPECT_TRUE(core::findInlineSuppression(sources, {file, 4}, "cpp/hardcoded-secret"));
    EXPECT_FALSE(core::findInlineSuppression(sources, {file, 1}, "cpp/other"));
}

TEST(Fingerprints, SurviveLineShiftsAndTellEqualLinesApart) {
    TempDir dir;
    std::string before = dir.write("v1/bot.cpp", "a();\nconst char* key = \"k1\";\n");
    std::string after = dir.write("v2/bot.cpp", "// new\n\na();\n  const char*  key = \"k1\";\n");
    core::SourceFiles sources;
    std::vector<core::Finding> first = {findingAt("cpp/hardcoded-secret", before, 2, 13)};
    std::vector<core::Finding> second = {findingAt("cpp/hardcoded-secret", after, 4, 15)};
    core::assignFingerprints(first, sources, dir.path() + "/v1");
    core::assignFingerprints(second, sources, dir.path() + "/v2");
    EXPECT_EQ(first[0].fingerprint, second[0].fingerprint);

    std::vector<core::Finding> otherRule = {findingAt("config/secret-in-plaintext", before, 2, 13)};
    core::assignFingerprints(otherRule, sources, dir.path() + "/v1");
    EXPECT_NE(otherRule[0].fingerprint, first[0].fingerprint);

    std::vector<core::Finding> twins = {first[0], first[0]};
    core::assignFingerprints(twins, sources, dir.path() + "/v1");
    EXPECT_EQ(twins[0].fingerprint, first[0].fingerprint);
    EXPECT_NE(twins[0].fingerprint, twins[1].fingerprint);
}

// Baselines store these digits: FNV-1a 64 of "privaudit" and the field separator.
TEST(Fingerprints, StableHashIsSixteenLowerCaseHexDigitsOfFnv1a) {
    EXPECT_EQ(core::stableHash({"privaudit"}), "189ed507c0100524");
    EXPECT_EQ(core::stableHash({""}), "af64724c8602eb6e");
}

TEST(Properties, KeepNamesInOrderAndTheFirstOfTwinsInAList) {
    core::Properties properties = {
        {"score", 0.5}, {"entity", std::string("IBAN_CODE")}, {"score", 0.9}};
    properties["preview"] = std::string("DE****8924");
    properties["entity"] = std::string("EMAIL_ADDRESS");
    std::vector<std::string> names;
    for (const auto& [name, value] : properties) {
        names.push_back(name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"entity", "preview", "score"}));
    EXPECT_EQ(std::get<std::string>(properties.find("entity")->second), "EMAIL_ADDRESS");
    EXPECT_EQ(std::get<double>(properties.find("score")->second), 0.5);
    EXPECT_EQ(properties.find("scor"), properties.end());
    EXPECT_EQ(properties.find("scores"), properties.end());
    EXPECT_EQ(std::get<std::string>(properties["new"]), "");
    EXPECT_EQ(properties.size(), 4u);
}

// The per-thread answer must not outlive a change of path or root.
TEST(Paths, RelativePathFollowsEachChangeOfPathOrRoot) {
    TempDir dir;
    std::string file = dir.write("logs/chat.jsonl", "{}\n");
    EXPECT_EQ(core::relativePath(file, dir.path()), "logs/chat.jsonl");
    EXPECT_EQ(core::relativePath(file, dir.path() + "/logs"), "chat.jsonl");
    EXPECT_EQ(core::relativePath(dir.path() + "/logs", dir.path()), "logs");
    EXPECT_EQ(core::relativePath(file, dir.path()), "logs/chat.jsonl");
}

TEST(IsolatedJobs, CrashesAndHangsStayInTheirJob) {
    auto outcomes = core::runIsolatedJobs(4, 2, std::chrono::milliseconds(1500), [](size_t i) {
        if (i == 1) {
            std::raise(SIGSEGV);
        }
        if (i == 2) {
            std::this_thread::sleep_for(std::chrono::seconds(60));
        }
        return "job " + std::to_string(i) + std::string(100000, '.');
    });
    ASSERT_EQ(outcomes.size(), 4u);
    EXPECT_EQ(outcomes[0].status, core::JobOutcome::Status::Finished);
    EXPECT_EQ(outcomes[0].output.substr(0, 5), "job 0");
    EXPECT_EQ(outcomes[0].output.size(), 100005u);
    EXPECT_EQ(outcomes[1].status, core::JobOutcome::Status::Crashed);
#ifdef __SANITIZE_ADDRESS__
    // `make test-asan` runs with abort_on_error: AddressSanitizer reports the crash, then aborts.
    EXPECT_EQ(outcomes[1].signal, SIGABRT);
#else
    EXPECT_EQ(outcomes[1].signal, SIGSEGV);
#endif
    EXPECT_EQ(outcomes[2].status, core::JobOutcome::Status::TimedOut);
    EXPECT_EQ(outcomes[3].status, core::JobOutcome::Status::Finished);
}

TEST(Discovery, SortsSkipsBuildFoldersAndReportsMissingPaths) {
    TempDir dir;
    dir.write("src/b.cpp", "");
    dir.write("src/a.cc", "");
    dir.write("src/a.h", "");
    dir.write("bot/endpoints.yml", "");
    dir.write("build/gen.cpp", "");
    dir.write(".git/hooks/x.cpp", "");
    dir.write("node_modules/m/config.json", "");
    auto inputs = core::discoverInputs({dir.path(), dir.path() + "/missing"});
    EXPECT_EQ(inputs.cppSources,
              (std::vector<std::string>{dir.path() + "/src/a.cc", dir.path() + "/src/b.cpp"}));
    EXPECT_EQ(inputs.otherFiles, (std::vector<std::string>{dir.path() + "/bot/endpoints.yml",
                                                           dir.path() + "/src/a.h"}));
    EXPECT_EQ(inputs.missingPaths, (std::vector<std::string>{dir.path() + "/missing"}));
}

TEST(Masking, ShowsAtMostFourLeadingCharacters) {
    EXPECT_EQ(core::maskSecret("sk_live_0123456789abcdef"), "sk_l****");
    EXPECT_EQ(core::maskSecret("hunter2"), "h****");
    EXPECT_EQ(core::maskSecret("abc"), "****");
}

TEST(Finalize, AppliesCatalogueLevelsSortsAndDropsDuplicatesAndUnknownRules) {
    TempDir dir;
    std::string file = dir.write("a.cpp", "x\ny\n");
    std::vector<core::Finding> findings = {
        findingAt("cpp/hardcoded-secret", file, 2, 1),
        findingAt("cpp/hardcoded-secret", file, 1, 1),
        findingAt("cpp/hardcoded-secret", file, 2, 1),
        findingAt("cpp/unknown", file, 1, 1),
    };
    core::SourceFiles sources;
    auto result = core::finalizeFindings(findings, checks::builtinCatalogue(), core::Policy(),
                                         sources, dir.path());
    ASSERT_EQ(result.size(), 2u);
    EXPECT_EQ(result[0].location.line, 1);
    EXPECT_EQ(result[0].level, Level::Error);
    EXPECT_DOUBLE_EQ(result[0].securitySeverity, 7.5);
    EXPECT_FALSE(result[1].fingerprint.empty());
}

} // namespace

} // namespace privaudit::testing
