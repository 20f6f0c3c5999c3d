// End-to-end tests of the privaudit command line: help, exit codes, bad input, report files.
#include "tests/run_privaudit.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;

const std::string kSecretLine = "const char* dbPassword = \"Tr0ub4dor&3-prod\";\n";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(Cli, VersionAndHelpForEveryCommand) {
    EXPECT_EQ(runPrivaudit({"--version"}).out, "privaudit " PRIVAUDIT_VERSION "\n");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--help"}, {"scan", "--help"}, {"rules", "--help"}}) {
        CommandResult result = runPrivaudit(args);
        EXPECT_EQ(result.exitCode, 0);
        EXPECT_TRUE(contains(result.out, "usage: privaudit")) << result.out;
    }
    EXPECT_EQ(runPrivaudit({}).exitCode, 2);
    EXPECT_EQ(runPrivaudit({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(runPrivaudit({"scan", "--format", "xml"}).exitCode, 2);
    EXPECT_EQ(runPrivaudit({"scan", "--jobs", "0"}).exitCode, 2);
}

TEST(Cli, TextDiagnosticsAreCompilerStyleAndFindingsFailTheRun) {
    TempDir dir;
    dir.write("src/db.cpp", kSecretLine);
    CommandResult result = runPrivaudit({"scan", dir.path(), "--source-root", dir.path()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(contains(result.out, "src/db.cpp:1:26: error: Hard-coded password"));
    EXPECT_TRUE(contains(result.out, "[cpp/hardcoded-secret]"));
    EXPECT_FALSE(contains(result.out, "Tr0ub4dor")) << "the secret must be masked";
    EXPECT_EQ(runPrivaudit({"scan", dir.path(), "--fail-on", "none"}).exitCode, 0);
}

TEST(Cli, FailOnComparesWithThePolicyLevel) {
    TempDir dir;
    dir.write("src/db.cpp", kSecretLine);
    dir.write(".privaudit.yaml", "rules:\n  cpp/hardcoded-secret: note\n");
    EXPECT_EQ(runPrivaudit({"scan", dir.path()}).exitCode, 0);
    EXPECT_EQ(runPrivaudit({"scan", dir.path(), "--fail-on", "note"}).exitCode, 1);
    dir.write(".privaudit.yaml", "rules:\n  cpp/hardcoded-secret: off\n");
    EXPECT_EQ(runPrivaudit({"scan", dir.path(), "--fail-on", "note"}).exitCode, 0);
}

TEST(Cli, SuppressedFindingsDoNotFailTheRun) {
    TempDir dir;
    dir.write("src/db.cpp", "// privaudit-ignore[cpp/hardcoded-secret]: sandbox\n" + kSecretLine);
    std::string report = dir.path() + "/out.json";
    CommandResult result = runPrivaudit({"scan", dir.path() + "/src", "-o", report});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    auto json = nlohmann::json::parse(readFile(report));
    ASSERT_EQ(json["findings"].size(), 1u);
    EXPECT_TRUE(json["findings"][0]["suppressed"].get<bool>());
    EXPECT_EQ(json["findings"][0]["justification"], "sandbox");
}

TEST(Cli, MissingPathAndBadPolicyAreUsageErrorsButTheScanGoesOn) {
    TempDir dir;
    dir.write("src/db.cpp", kSecretLine);
    CommandResult missing = runPrivaudit({"scan", dir.path() + "/src", dir.path() + "/nope"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(contains(missing.err, dir.path() + "/nope: error: no such file or folder"));
    EXPECT_TRUE(contains(missing.out, "[cpp/hardcoded-secret]")) << "the rest is still scanned";

    dir.write(".privaudit.yaml", "rules:\n  cpp/hardcoded-secret: error\nreport: full\n");
    CommandResult badPolicy = runPrivaudit({"scan", dir.path() + "/src"});
    EXPECT_EQ(badPolicy.exitCode, 2);
    EXPECT_TRUE(contains(badPolicy.err, ".privaudit.yaml:3:1: error: unknown key 'report'"))
        << badPolicy.err;
    EXPECT_TRUE(contains(badPolicy.out, "[cpp/hardcoded-secret]"));

    dir.write(".privaudit.yaml", "rules: [unclosed\n");
    CommandResult brokenPolicy = runPrivaudit({"scan", dir.path() + "/src"});
    EXPECT_EQ(brokenPolicy.exitCode, 2);
    EXPECT_TRUE(contains(brokenPolicy.err, ".privaudit.yaml:2:")) << brokenPolicy.err;
}

TEST(Cli, UnanalyzableInputsAreNotificationsWithExitCode3) {
    TempDir dir;
    dir.write("src/db.cpp", kSecretLine);
    dir.write("bot/endpoints.yml", "tracker_store:\n  type: sql\n  password: [unclosed\n");
    dir.write("bot/blob.json", std::string("{\"a\":\0\x01\x02}", 10));
    std::string sarif = dir.path() + "/report.sarif";
    CommandResult result = runPrivaudit({"scan", dir.path(), "-o", sarif, "--quiet"});
    EXPECT_EQ(result.exitCode, 3) << result.err;
    EXPECT_TRUE(contains(result.err, "bot/endpoints.yml:")) << result.err;
    EXPECT_TRUE(contains(result.err, "bot/blob.json")) << result.err;
    auto log = nlohmann::json::parse(readFile(sarif));
    auto& invocation = log["runs"][0]["invocations"][0];
    EXPECT_FALSE(invocation["executionSuccessful"].get<bool>());
    EXPECT_EQ(invocation["toolExecutionNotifications"].size(), 2u);
    EXPECT_EQ(log["runs"][0]["results"].size(), 1u) << "the good file is still reported";
}

TEST(Cli, InvalidCompilationDatabaseFallsBackToDefaultFlags) {
    TempDir dir;
    dir.write("src/db.cpp", kSecretLine);
    dir.write("build/compile_commands.json", "[\n  {\"directory\": \"/tmp\",\n  oops\n]\n");
    CommandResult result = runPrivaudit({"scan", dir.path() + "/src", "-p", dir.path() + "/build"});
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_TRUE(contains(result.err, "compile_commands.json:3: invalid JSON")) << result.err;
    EXPECT_TRUE(contains(result.out, "[cpp/hardcoded-secret]"));
}

TEST(Cli, CompilationDatabaseDecidesTheTranslationUnitsAndFlags) {
    TempDir dir;
    dir.write("src/db.cpp", "#include \"secrets.h\"\nconst char* password = SECRET;\n");
    dir.write("src/unlisted.cpp", kSecretLine);
    dir.write("config/secrets.h", "#define SECRET \"Tr0ub4dor&3-prod\"\n");
    nlohmann::json database =
        nlohmann::json::array({{{"directory", dir.path()},
                                {"file", "src/db.cpp"},
                                {"command", "g++ -std=c++17 -Iconfig -O2 -c src/db.cpp -o db.o"}}});
    dir.write("build/compile_commands.json", database.dump());
    CommandResult result = runPrivaudit(
        {"scan", dir.path(), "-p", dir.path() + "/build", "--source-root", dir.path()});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_TRUE(contains(result.out, "config/secrets.h:1:16: error: Hard-coded password"))
        << result.out;
    EXPECT_FALSE(contains(result.out, "unlisted.cpp"));
}

TEST(Cli, BrokenTranslationUnitStillYieldsWhatClangRecovered) {
    TempDir dir;
    dir.write("src/db.cpp", "#include \"missing.h\"\n" + kSecretLine + "int f() { return g(); }\n");
    CommandResult result = runPrivaudit({"scan", dir.path(), "--source-root", dir.path()});
    EXPECT_EQ(result.exitCode, 1) << "a compile error is a warning notification";
    EXPECT_TRUE(contains(result.err, "src/db.cpp:1:10: warning:")) << result.err;
    EXPECT_TRUE(contains(result.out, "src/db.cpp:2:26: error: Hard-coded password"));
}

TEST(Cli, TranslationUnitPastItsTimeLimitIsStoppedAndReported) {
    TempDir dir;
    dir.write("src/db.cpp", kSecretLine);
    // A constant evaluation of four billion steps, with Clang's step limit lifted, keeps the
    // front end busy for minutes: far past the one-second limit on any machine.
    dir.write("src/compile_flags.txt", "-std=c++20\n-fconstexpr-steps=2147483647\n");
    dir.write("src/slow.cpp", "constexpr long spin() {\n"
                              "    long sum = 0;\n"
                              "    for (long i = 0; i < 4000000000; ++i) sum += i % 7;\n"
                              "    return sum;\n"
                              "}\n"
                              "static_assert(spin() > 0);\n");
    CommandResult result = runPrivaudit({"scan", dir.path(), "--tu-timeout", "1"});
    EXPECT_EQ(result.exitCode, 3) << result.err;
    EXPECT_TRUE(contains(result.err, "slow.cpp: error: analysis stopped after 1 s")) << result.err;
    EXPECT_TRUE(contains(result.out, "[cpp/hardcoded-secret]"));
}

TEST(Cli, ReportFileIsWrittenAtomically) {
    TempDir dir;
    dir.write("src/db.cpp", kSecretLine);
    std::string sarif = dir.path() + "/out/report.sarif";
    fs::create_directories(dir.path() + "/out");
    runPrivaudit({"scan", dir.path() + "/src", "-o", sarif});
    EXPECT_TRUE(nlohmann::json::accept(readFile(sarif)));
    for (const auto& entry : fs::directory_iterator(dir.path() + "/out")) {
        EXPECT_EQ(entry.path().filename(), "report.sarif") << "no temporary file left behind";
    }
    CommandResult unwritable = runPrivaudit({"scan", dir.path() + "/src", "-o", "/proc/x.sarif"});
    EXPECT_EQ(unwritable.exitCode, 2);
    EXPECT_TRUE(contains(unwritable.err, "/proc/x.sarif")) << unwritable.err;
}

// The policy file extends the C++ analysis: names that are personal data in this product and
// in-house libraries' sinks, without writing C++.
TEST(Cli, PolicyAddsSensitiveNamesAndModels) {
    TempDir dir;
    dir.write("src/loyalty.cpp",
              "#include <string>\n"
              "namespace acme::audit { void record(const std::string& line); }\n"
              "void printf(const char*, ...);\n"
              "void show(const std::string& memberNo) { printf(\"%s\", memberNo.c_str()); }\n"
              "void keep(const std::string& email) { acme::audit::record(email); }\n");
    CommandResult before =
        runPrivaudit({"scan", dir.path(), "--source-root", dir.path(), "--fail-on", "none"});
    EXPECT_FALSE(contains(before.out, "src/loyalty.cpp:4:")) << before.out;
    EXPECT_FALSE(contains(before.out, "src/loyalty.cpp:5:")) << before.out;

    dir.write(".privaudit.yaml", "sensitive:\n"
                                 "  member no: national-id\n"
                                 "models:\n"
                                 "  sinks:\n"
                                 "    - functions: [acme::audit::record]\n"
                                 "      kind: storage\n"
                                 "      display: the audit store\n");
    CommandResult after =
        runPrivaudit({"scan", dir.path(), "--source-root", dir.path(), "--fail-on", "none"});
    EXPECT_EQ(after.exitCode, 0) << after.err;
    EXPECT_TRUE(contains(after.out, "src/loyalty.cpp:4:42: warning: Personal data (national or "
                                    "tax id number) is written to console output"))
        << after.out;
    EXPECT_TRUE(contains(after.out, "src/loyalty.cpp:5:39: error: Personal data (e-mail "
                                    "address) is stored in the audit store"))
        << after.out;

    dir.write(".privaudit.yaml", "sensitive:\n"
                                 "  member no: loyalty\n"
                                 "models:\n"
                                 "  sinks:\n"
                                 "    - functions: [acme::audit::record]\n"
                                 "      kind: archive\n");
    CommandResult bad = runPrivaudit({"scan", dir.path(), "--fail-on", "none"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(contains(bad.err, ".privaudit.yaml:2: error: unknown personal-data category "
                                  "'loyalty' for 'member no'"))
        << bad.err;
    EXPECT_TRUE(contains(bad.err, ".privaudit.yaml:5: error: a sink needs a kind")) << bad.err;
}

TEST(Cli, RulesCatalogueInEveryFormat) {
    CommandResult text = runPrivaudit({"rules"});
    EXPECT_TRUE(contains(text.out, "cpp/hardcoded-secret"));
    auto json = nlohmann::json::parse(runPrivaudit({"rules", "--format", "json"}).out);
    ASSERT_FALSE(json.empty());
    EXPECT_TRUE(json[0].contains("tags"));
    EXPECT_EQ(runPrivaudit({"rules", "--format", "yaml"}).exitCode, 2);
}

// docs/rules.md is generated from the catalogue; it must not drift from it.
TEST(Cli, RulesDocumentationIsUpToDate) {
    std::string generated = runPrivaudit({"rules", "--format", "markdown"}).out;
    EXPECT_EQ(readFile(std::string(PRIVAUDIT_SOURCE_DIR) + "/docs/rules.md"), generated)
        << "regenerate with: build/privaudit rules --format markdown > docs/rules.md";
}

} // namespace

} // namespace privaudit::testing
