// The CI templates in ci/templates run as written: the GitHub workflow's and the GitLab job's
// shell steps on a clone of a git repository made here (with privaudit from this build on
// PATH instead of the install step), and the pre-commit hook inside `git commit`.
#include "analyzers/config/document_loader.h"
#include "tests/git_repo.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kOldSecret = "const char* dbPassword = \"Tr0ub4dor&3-prod\";\n";
const std::string kNewSecret = "const char* apiToken = \"sk_live_9f8e7d6c5b4a3f2e1d0c\";\n";

core::DocNode loadTemplate(const std::string& name) {
    auto loaded =
        config::loadDocuments(readFile(std::string(PRIVAUDIT_SOURCE_DIR) + "/ci/templates/" + name),
                              config::DocumentFormat::Yaml);
    EXPECT_FALSE(loaded.error) << name;
    return loaded.documents.at(0);
}

// Runs `script` with bash as CI runners do (-e, pipefail) in `folder`, with this build's
// privaudit first on PATH; returns the exit code and fills `output`.
int runStep(const std::string& folder, const std::string& environment, const std::string& script,
            std::string& output) {
    TempDir scratch;
    std::string file = scratch.write("step.sh", script);
    std::string log = scratch.path() + "/log";
    std::string command =
        "cd '" + folder + "' && env PATH='" + fs::path(PRIVAUDIT_BINARY).parent_path().string() +
        ":" + std::getenv("PATH") + "' " + environment + " bash --noprofile --norc -eo pipefail '" +
        file + "' >'" + log + "' 2>&1";
    int status = std::system(command.c_str());
    output = readFile(log);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A C++ project with a hard-coded password on main, cloned so that origin/main exists, with a
// branch "feature" checked out.
struct ProjectClone {
    GitRepo origin;
    TempDir work;
    std::string path = work.path() + "/project";

    ProjectClone() {
        origin.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(shop CXX)\n"
                                       "add_library(shop src/db.cpp)\n");
        origin.write("src/db.cpp", kOldSecret);
        origin.commit("main");
        std::system(("git clone -q '" + origin.path() + "' '" + path + "'").c_str());
        git("checkout -q -b feature");
    }
    void git(const std::string& args) const {
        std::string command = "git -C '" + path + "' -c user.email=t@example.invalid " +
                              "-c user.name=t " + args + " >/dev/null 2>&1";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }
    void write(const std::string& name, const std::string& content) const {
        fs::create_directories((fs::path(path) / name).parent_path());
        std::ofstream(fs::path(path) / name) << content;
    }
};

// Runs the workflow's `run` steps in order, the install step excepted; the exit code of the
// last one (the gate), after checking that every earlier one succeeded.
int runGithubWorkflow(const ProjectClone& project, const std::string& baseRef,
                      std::string& summary) {
    core::DocNode workflow = loadTemplate("github-privaudit.yml");
    const core::DocNode* job = workflow.find("jobs")->find("privacy-audit");
    std::string environment =
        "BASE_REF='" + baseRef + "' GITHUB_STEP_SUMMARY='" + project.path + "/summary.md'";
    int status = 0;
    const core::DocNode& steps = *job->find("steps");
    for (const core::DocNode& step : steps.items) {
        const core::DocNode* run = step.find("run");
        const core::DocNode* uses = step.find("uses");
        if (uses && uses->scalar.starts_with("github/codeql-action/upload-sarif")) {
            EXPECT_EQ(step.find("with")->find("category")->scalar, "privaudit");
            std::string sarif = step.find("with")->find("sarif_file")->scalar;
            EXPECT_TRUE(fs::exists(fs::path(project.path) / sarif)) << sarif;
        }
        if (!run || step.find("name")->scalar == "Install privaudit") {
            continue;
        }
        EXPECT_EQ(status, 0) << "a step before the gate failed";
        std::string output;
        status = runStep(project.path, environment, run->scalar, output);
        if (&step != &steps.items.back()) {
            EXPECT_EQ(status, 0) << step.find("name")->scalar << ":\n" << output;
        }
    }
    summary = readFile(project.path + "/summary.md");
    return status;
}

TEST(CiTemplates, GithubWorkflowFailsThePullRequestOnlyOnNewFindings) {
    ProjectClone project;
    project.write("src/db.cpp", "#include <string>\n" + kOldSecret);
    project.git("commit -qam harmless");
    std::string summary;
    EXPECT_EQ(runGithubWorkflow(project, "main", summary), 0)
        << "the known finding alone must not fail the pull request";
    EXPECT_TRUE(contains(summary, "## privaudit: 0 new privacy finding(s)")) << summary;

    project.write("src/db.cpp", "#include <string>\n" + kOldSecret + kNewSecret);
    project.git("commit -qam new-secret");
    EXPECT_EQ(runGithubWorkflow(project, "main", summary), 1);
    EXPECT_TRUE(contains(summary, "## privaudit: 1 new privacy finding(s)")) << summary;
    EXPECT_TRUE(contains(summary, "`src/db.cpp:3:")) << summary;
    json sarif = json::parse(readFile(project.path + "/privaudit.sarif"));
    EXPECT_EQ(sarif["runs"][0]["results"].size(), 2u);
    EXPECT_TRUE(fs::exists(project.path + "/privaudit-report.html"));

    // On a push there is no baseline: every error counts.
    EXPECT_EQ(runGithubWorkflow(project, "", summary), 1);
    EXPECT_TRUE(contains(summary, "## privaudit: 2 privacy finding(s)")) << summary;
}

TEST(CiTemplates, GitlabJobWritesSarifAndJunitAndFailsOnNewFindings) {
    ProjectClone project;
    project.write("src/db.cpp", kOldSecret + kNewSecret);
    project.git("commit -qam new-secret");
    core::DocNode job = *loadTemplate("gitlab-privaudit.yml").find("privaudit");
    std::string script;
    for (const core::DocNode& line : job.find("script")->items) {
        script += line.scalar + "\n";
    }
    std::string output;
    int status = runStep(project.path, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main", script, output);
    EXPECT_EQ(status, 1) << output;
    const core::DocNode* reports = job.find("artifacts")->find("reports");
    std::string junit = readFile(project.path + "/" + reports->find("junit")->scalar);
    EXPECT_TRUE(contains(junit, "<testsuites name=\"privaudit\"")) << junit;
    EXPECT_TRUE(contains(junit, "failures=\"1\"")) << "only the new secret fails";
    EXPECT_TRUE(contains(junit, "<skipped message=\"in the baseline\"/>"));
    json sarif = json::parse(readFile(project.path + "/" + reports->find("sarif")->scalar));
    EXPECT_EQ(sarif["runs"][0]["results"].size(), 2u);
    for (const core::DocNode& path : job.find("artifacts")->find("paths")->items) {
        EXPECT_TRUE(fs::exists(project.path + "/" + path.scalar)) << path.scalar;
    }
}

TEST(CiTemplates, PreCommitHookRefusesACommitWithANewSecret) {
    ProjectClone project;
    fs::copy_file(std::string(PRIVAUDIT_SOURCE_DIR) + "/ci/templates/pre-commit",
                  project.path + "/.git/hooks/pre-commit");
    project.write("src/payments.cpp", kNewSecret);
    std::string output;
    std::string commit = "git add -A && git -c user.email=t@example.invalid -c user.name=t "
                         "commit -qm payments";
    EXPECT_EQ(runStep(project.path, "", commit, output), 1) << output;
    EXPECT_TRUE(contains(output, "src/payments.cpp:1:24: error: Hard-coded")) << output;
    EXPECT_FALSE(contains(output, "sk_live_9f8e")) << "the secret must be masked";

    project.write("src/payments.cpp", "#include <cstdlib>\nconst char* apiToken = "
                                      "std::getenv(\"PAYMENTS_TOKEN\");\n");
    EXPECT_EQ(runStep(project.path, "", commit, output), 0) << output;

    // The pre-commit framework's hook runs its entry with the staged file names.
    core::DocNode hooks = config::loadDocuments(readFile(std::string(PRIVAUDIT_SOURCE_DIR) +
                                                         "/.pre-commit-hooks.yaml"),
                                                config::DocumentFormat::Yaml)
                              .documents.at(0);
    std::string entry = hooks.items.at(0).find("entry")->scalar;
    EXPECT_EQ(runStep(project.path, "", entry + " src/db.cpp", output), 1) << output;
    EXPECT_EQ(runStep(project.path, "", entry + " src/payments.cpp", output), 0) << output;
}

} // namespace

} // namespace privaudit::testing
