// The hostile-input corpus (testdata/bad, plus what cannot be checked in: a 100 MB line,
// symbolic link loops, unreadable files and folders, broken compilation databases). Each case
// is scanned next to good files: the case gets the lines it must (one clear line naming the
// file, and the line where there is one), the good files are still scanned and reported, the
// exit code is the documented one and the report is whole, with no temporary file beside it.
#include "core/shell_quote.h"
#include "tests/run_privaudit.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unistd.h>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;

const std::string corpus = std::string(PRIVAUDIT_SOURCE_DIR) + "/testdata/bad";

// What a case puts into the scanned folder; returns extra scan arguments.
using Setup = std::function<std::vector<std::string>(const std::string& folder)>;

struct BadInputCase {
    std::string name;                       // file (or folder) the case is about
    std::vector<std::string> expectedLines; // the stderr lines naming it, in order, by their start
    int exitCode;                           // with --fail-on none
    Setup setup;
    std::vector<std::string> alsoFound = {}; // "FILE:LINE:COLUMN RULE" the file itself yields
    bool unprivileged = false;               // permissions only bind a user that is not root
};

// The neighbours every case is scanned with, and what they yield.
void writeGoodFiles(const std::string& folder) {
    fs::create_directories(folder + "/good");
    std::ofstream(folder + "/good/endpoints.yml")
        << "tracker_store:\n  type: redis\n  url: redis.internal\n  password: \"hunter2-pw\"\n";
    std::ofstream(folder + "/good/client.cpp")
        << "const char* paymentApiKey = \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\";\n";
}
const std::vector<std::string> goodFindings = {
    "good/endpoints.yml:4:13 config/secret-in-plaintext",
    "good/client.cpp:1:29 cpp/hardcoded-secret",
};

Setup copied(const std::string& name, const std::string& as = "") {
    return [name, as](const std::string& folder) {
        fs::copy_file(corpus + "/" + name, folder + "/" + (as.empty() ? name : as));
        return std::vector<std::string>{};
    };
}

Setup written(const std::string& name, std::function<void(std::ostream&)> content) {
    return [name, content](const std::string& folder) {
        std::ofstream out(folder + "/" + name, std::ios::binary);
        content(out);
        return std::vector<std::string>{};
    };
}

// A compilation database: the good unit compiles, `unit` has `flags`.
Setup compilationDatabase(const std::string& unit, const std::string& flags,
                          bool createUnit = true) {
    return [=](const std::string& folder) {
        if (createUnit) {
            std::ofstream(folder + "/" + unit) << "int answer() { return 42; }\n";
        }
        nlohmann::json database = nlohmann::json::array();
        // Files named relative to the directory, as many generators write them.
        for (const auto& [file, fileFlags] :
             {std::pair{std::string("good/client.cpp"), std::string("-std=c++20")},
              std::pair{unit, flags}}) {
            database.push_back({{"directory", folder},
                                {"file", file},
                                {"command", "clang++ " + fileFlags + " -c " + file}});
        }
        std::ofstream(folder + "/compile_commands.json") << database.dump(2);
        return std::vector<std::string>{"-p", folder + "/compile_commands.json"};
    };
}

std::vector<BadInputCase> cases() {
    return {
        {"alias-bomb.yaml",
         {"alias-bomb.yaml:6:8: error: invalid YAML: aliases expand to more than"},
         3,
         copied("alias-bomb.yaml")},
        {"deep-nesting.yaml",
         {"deep-nesting.yaml:1:4004: error: invalid YAML: nested deeper than the parser allows"},
         3,
         copied("deep-nesting.yaml")},
        {"deep-nesting.json",
         // yaml-cpp marks where it gave up, past the nesting, so only the file is asserted.
         {"deep-nesting.json:"},
         3,
         written("deep-nesting.json",
                 [](std::ostream& out) {
                     out << "{\"a\": " << std::string(100000, '[') << std::string(100000, ']')
                         << "}\n";
                 })},
        {"single-line.json",
         {"single-line.json: warning: larger than 8 MiB; not read as a configuration file"},
         0,
         written("single-line.json",
                 [](std::ostream& out) {
                     out << "{\"apiKey\": \"" << std::string(100 << 20, 'x') << "\"}\n";
                 })},
        {"binary.cpp",
         {"binary.cpp: error: binary file (NUL bytes); not compiled"},
         3,
         copied("binary.cpp")},
        {"binary.yaml",
         {"binary.yaml: error: binary file (NUL bytes or invalid UTF-8); skipped"},
         3,
         copied("binary.yaml")},
        {"logo.json",
         {"logo.json: error: binary file (NUL bytes or invalid UTF-8); skipped"},
         3,
         copied("logo.json")},
        {"latin1.yaml",
         {"latin1.yaml: error: binary file (NUL bytes or invalid UTF-8); skipped"},
         3,
         copied("latin1.yaml")},
        {"bom-crlf-endpoints.yml",
         {},
         0,
         copied("bom-crlf-endpoints.yml"),
         {"bom-crlf-endpoints.yml:4:13 config/secret-in-plaintext"}},
        {"bom-crlf.cpp", {}, 0, copied("bom-crlf.cpp"), {"bom-crlf.cpp:3:22 cpp/hardcoded-secret"}},
        {"custom-tags.yaml", {}, 0, copied("custom-tags.yaml")},
        {"empty.yml", {}, 0, copied("empty.yml")},
        {"archy-template.yaml",
         {"archy-template.yaml:2: warning: unrendered template placeholders"},
         0,
         copied("archy-template.yaml")},
        {"duplicate-keys.yml",
         {"duplicate-keys.yml:5:3: warning: duplicate key 'use_ssl' (first at line 4); the last "
          "one is used"},
         0,
         copied("duplicate-keys.yml"),
         {"duplicate-keys.yml:1:1 config/unencrypted-store"}},
        {"missing-value.json",
         {"missing-value.json:4:1: error: invalid JSON: "},
         3,
         copied("missing-value.json")},
        {"unterminated-string.yml",
         {"unterminated-string.yml:3:13: error: invalid YAML: quoted string is never closed"},
         3,
         copied("unterminated-string.yml")},
        {"broken.cpp",
         {"broken.cpp:1:22: warning: 1 compile error(s), first: expected ';' after return "
          "statement; results are what Clang recovered"},
         0,
         copied("broken.cpp")},
        {"template-blowup.cpp",
         {"template-blowup.cpp: error: analysis stopped after 2 s (--tu-timeout); no results for "
          "this translation unit"},
         3,
         [](const std::string& folder) {
             copied("template-blowup.cpp")(folder);
             return std::vector<std::string>{"--tu-timeout", "2"};
         }},
        {".privaudit.yaml",
         {".privaudit.yaml:1:8: error: 'rules' must map rule ids to off, on, error, warning or "
          "note",
          ".privaudit.yaml:2:10: error: 'exclude' must be a list of path globs",
          ".privaudit.yaml:4:14: error: 'member no' needs a category"},
         2,
         copied("policy-wrong-types.yaml", ".privaudit.yaml")},
        {"loop.yaml",
         {"loop.yaml: error: symbolic link loop; not read"},
         3,
         [](const std::string& folder) {
             fs::create_symlink("loop.yaml", folder + "/loop.yaml");
             fs::create_directory_symlink(".", folder + "/good/again"); // not followed
             return std::vector<std::string>{};
         }},
        {"unreadable.yaml",
         {"unreadable.yaml: error: cannot read file: Permission denied"},
         3,
         [](const std::string& folder) {
             std::ofstream(folder + "/unreadable.yaml") << "a: 1\n";
             fs::permissions(folder + "/unreadable.yaml", fs::perms::none);
             return std::vector<std::string>{};
         },
         {},
         true},
        {"locked",
         {"locked: error: cannot read folder: Permission denied"},
         3,
         [](const std::string& folder) {
             fs::create_directory(folder + "/locked");
             std::ofstream(folder + "/locked/endpoints.yml") << "a: 1\n";
             fs::permissions(folder + "/locked", fs::perms::none);
             return std::vector<std::string>{};
         },
         {},
         true},
        {"missing.cpp",
         {"missing.cpp: error: cannot read file: No such file or directory"},
         3,
         compilationDatabase("missing.cpp", "-std=c++20", false)},
        {"absurd-flags.cpp",
         {"absurd-flags.cpp: warning: 3 compile error(s), first: unknown argument: "
          "'-fno-such-flag'"},
         0,
         compilationDatabase("absurd-flags.cpp",
                             "-fno-such-flag -std=c++99999 -fplugin=/nonexistent/evil.so "
                             "-I/nonexistent -include /nonexistent/prefix.h")},
        {"compile_commands.json",
         {"compile_commands.json: error: "},
         3,
         [](const std::string& folder) {
             std::ofstream(folder + "/compile_commands.json") << "[{\"file\": 42";
             return std::vector<std::string>{"-p", folder + "/compile_commands.json"};
         }},
    };
}

std::vector<std::string> linesNaming(const std::string& text, const std::string& name) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with(name + ":") || line.find("/" + name + ":") != std::string::npos) {
            lines.push_back(line);
        }
    }
    return lines;
}

std::set<std::string> findingsOf(const nlohmann::json& log) {
    std::set<std::string> findings;
    for (const auto& finding : log["runs"][0]["results"]) {
        const auto& location = finding["locations"][0]["physicalLocation"];
        findings.insert(location["artifactLocation"]["uri"].get<std::string>() + ":" +
                        std::to_string(location["region"]["startLine"].get<int>()) + ":" +
                        std::to_string(location["region"]["startColumn"].get<int>()) + " " +
                        finding["ruleId"].get<std::string>());
    }
    return findings;
}

class BadInput : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(BadInput, OneClearLineTheRestIsScannedTheReportIsWhole) {
    const BadInputCase& badCase = GetParam();
    TempDir dir;
    std::string folder = dir.path() + "/scanned";
    std::string reports = dir.path() + "/reports";
    writeGoodFiles(folder);
    fs::create_directories(reports);
    std::vector<std::string> extra = badCase.setup(folder);

    std::string launcher;
    std::string binary = PRIVAUDIT_BINARY;
    if (badCase.unprivileged && ::geteuid() == 0) {
        if (std::system("setpriv --help >/dev/null 2>&1") != 0) {
            GTEST_SKIP() << "running as root without setpriv: permissions cannot be tested";
        }
        // The unprivileged user needs to reach the binary and the folders.
        binary = dir.path() + "/privaudit";
        fs::copy_file(PRIVAUDIT_BINARY, binary);
        for (const std::string& path : {dir.path(), folder, folder + "/good", reports}) {
            fs::permissions(path, fs::perms::all);
        }
        launcher = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    }
    std::string command = launcher + core::shellQuoted(binary) + " scan " +
                          core::shellQuoted(folder) + " -o " +
                          core::shellQuoted(reports + "/report.sarif") +
                          " --quiet --fail-on none --source-root " + core::shellQuoted(folder);
    for (const std::string& argument : extra) {
        command += " " + core::shellQuoted(argument);
    }
    CommandResult result = runShell(command);

    EXPECT_EQ(result.exitCode, badCase.exitCode) << result.err;
    EXPECT_EQ(result.err.find("terminate called"), std::string::npos) << result.err;
    std::vector<std::string> lines = linesNaming(result.err, badCase.name);
    ASSERT_EQ(lines.size(), badCase.expectedLines.size()) << result.err;
    for (size_t i = 0; i < lines.size(); ++i) {
        EXPECT_TRUE(lines[i].starts_with(badCase.expectedLines[i]))
            << badCase.expectedLines[i] << "\n"
            << result.err;
    }

    std::vector<std::string> written;
    for (const auto& entry : fs::directory_iterator(reports)) {
        written.push_back(entry.path().filename().string());
    }
    ASSERT_EQ(written, std::vector<std::string>{"report.sarif"}) << "no temporary file beside it";
    nlohmann::json log = nlohmann::json::parse(readFile(reports + "/report.sarif"));
    std::set<std::string> findings = findingsOf(log);
    for (const std::string& expected : goodFindings) {
        EXPECT_TRUE(findings.contains(expected)) << expected << " (the scan went on)";
    }
    for (const std::string& expected : badCase.alsoFound) {
        EXPECT_TRUE(findings.contains(expected)) << expected;
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<BadInputCase>& info) {
                             std::string name;
                             for (char c : info.param.name) {
                                 name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return name;
                         });

TEST(BadInputCorpus, EveryFileIsACase) {
    std::set<std::string> covered = {"README.md", "policy-wrong-types.yaml"};
    for (const BadInputCase& badCase : cases()) {
        covered.insert(badCase.name);
    }
    for (const auto& entry : fs::directory_iterator(corpus)) {
        EXPECT_TRUE(covered.contains(entry.path().filename().string())) << entry.path();
    }
}

TEST(BadInputCorpus, ReportIsNotWrittenHalfWhenTheTargetIsAFolder) {
    TempDir dir;
    fs::create_directories(dir.path() + "/report.sarif");
    CommandResult result =
        runPrivaudit({"scan", "testdata/bad/empty.yml", "-o", dir.path() + "/report.sarif"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("report.sarif"), std::string::npos) << result.err;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename(), "report.sarif") << "no temporary file left behind";
    }
}

} // namespace

} // namespace privaudit::testing
