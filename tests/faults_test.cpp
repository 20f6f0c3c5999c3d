// Faults around a scan: interrupted while translation units are analyzed, the output device
// full, the output folder not writable. privaudit says what happened, exits with the
// documented status and leaves no half-written report, temporary file or job process behind.
#include "core/shell_quote.h"
#include "tests/run_privaudit.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// The processes whose parent is `pid`, from /proc.
std::vector<pid_t> childrenOf(pid_t pid) {
    std::vector<pid_t> children;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        std::getline(stat, line);
        size_t close = line.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        char state = 0;
        pid_t parent = 0;
        std::istringstream(line.substr(close + 2)) >> state >> parent;
        if (parent == pid) {
            children.push_back(std::stoi(name));
        }
    }
    return children;
}

// Whether `pid` still runs (a zombie waiting for its reaper does not).
bool isRunning(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) {
        return false;
    }
    size_t close = line.rfind(')');
    return close != std::string::npos && line.size() > close + 2 && line[close + 2] != 'Z';
}

class Interrupted : public ::testing::TestWithParam<int> {};

TEST_P(Interrupted, KillsTheJobsAndLeavesThePreviousReport) {
    int signal = GetParam();
    TempDir dir;
    std::string scanned = dir.path() + "/scanned";
    fs::create_directories(scanned);
    for (const char* unit : {"a.cpp", "b.cpp"}) {
        fs::copy_file(std::string(PRIVAUDIT_SOURCE_DIR) + "/testdata/bad/template-blowup.cpp",
                      scanned + "/" + unit);
    }
    std::string report = dir.write("reports/report.sarif", "the previous report\n");

    std::vector<std::string> args = {PRIVAUDIT_BINARY, "scan", scanned, "--jobs", "2",
                                     "--tu-timeout",   "120",  "-o",    report,   "--quiet"};
    std::vector<char*> argv;
    for (std::string& arg : args) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, (dir.path() + "/stderr").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);

    std::vector<pid_t> jobs;
    for (auto deadline = std::chrono::steady_clock::now() + 30s;
         jobs.size() < 2 && std::chrono::steady_clock::now() < deadline;) {
        std::this_thread::sleep_for(100ms);
        jobs = childrenOf(pid);
    }
    ASSERT_EQ(jobs.size(), 2u) << "both translation units are being analyzed";
    std::this_thread::sleep_for(500ms);
    ::kill(pid, signal);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);

    ASSERT_TRUE(WIFSIGNALED(status)) << "dies of the signal, so a shell sees 128 + signal";
    EXPECT_EQ(WTERMSIG(status), signal);
    for (auto deadline = std::chrono::steady_clock::now() + 5s;
         std::ranges::any_of(jobs, isRunning) && std::chrono::steady_clock::now() < deadline;) {
        std::this_thread::sleep_for(50ms);
    }
    for (pid_t job : jobs) {
        EXPECT_FALSE(isRunning(job)) << "job process " << job << " was killed";
        if (isRunning(job)) {
            ::kill(job, SIGKILL); // a failing run must not leave them to run on
        }
    }
    EXPECT_EQ(readFile(report), "the previous report\n");
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir.path() + "/reports")) {
        left.push_back(entry.path().filename().string());
    }
    EXPECT_EQ(left, std::vector<std::string>{"report.sarif"}) << "no temporary file";
}

INSTANTIATE_TEST_SUITE_P(Signals, Interrupted, ::testing::Values(SIGINT, SIGTERM),
                         [](const ::testing::TestParamInfo<int>& info) {
                             return std::string(info.param == SIGINT ? "SIGINT" : "SIGTERM");
                         });

TEST(OutputFault, FullDiskIsAClearErrorWithExitCode2) {
    for (const char* format : {"sarif", "text", "html"}) {
        CommandResult result = runPrivaudit({"scan", "testdata/bad/bom-crlf-endpoints.yml",
                                             "--format", format, "-o", "/dev/full", "--quiet"});
        EXPECT_EQ(result.exitCode, 2) << format << "\n" << result.err;
        EXPECT_NE(result.err.find("privaudit: error: /dev/full: write failed: No space left on "
                                  "device"),
                  std::string::npos)
            << result.err;
    }
    EXPECT_TRUE(fs::is_character_file("/dev/full")) << "the device itself is not replaced";
    TempDir dir;
    std::string sarif = dir.path() + "/in.sarif";
    ASSERT_EQ(runPrivaudit({"scan", "testdata/bad/bom-crlf-endpoints.yml", "-o", sarif, "--quiet",
                            "--fail-on", "none"})
                  .exitCode,
              0);
    CommandResult report = runPrivaudit({"report", sarif, "--format", "html", "-o", "/dev/full"});
    EXPECT_EQ(report.exitCode, 2) << report.err;
    EXPECT_NE(report.err.find("/dev/full: write failed: No space left on device"),
              std::string::npos)
        << report.err;
}

TEST(OutputFault, UnwritableFolderIsAClearErrorWithExitCode2) {
    TempDir dir;
    std::string locked = dir.path() + "/locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    std::string input = dir.path() + "/endpoints.yml";
    fs::copy_file(std::string(PRIVAUDIT_SOURCE_DIR) + "/testdata/bad/bom-crlf-endpoints.yml",
                  input);
    std::string command = core::shellQuoted(PRIVAUDIT_BINARY);
    if (::geteuid() == 0) {
        if (std::system("setpriv --help >/dev/null 2>&1") != 0) {
            GTEST_SKIP() << "running as root without setpriv: permissions cannot be tested";
        }
        // The unprivileged user needs to reach the binary and the input.
        std::string binary = dir.path() + "/privaudit";
        fs::copy_file(PRIVAUDIT_BINARY, binary);
        fs::permissions(dir.path(), fs::perms::all);
        command = "setpriv --reuid=65534 --regid=65534 --clear-groups " + core::shellQuoted(binary);
    }
    CommandResult result = runShell(command + " scan " + core::shellQuoted(input) + " -o " +
                                    core::shellQuoted(locked + "/report.sarif") + " --quiet");
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_NE(result.err.find(locked + "/report.sarif: cannot create a temporary file: "
                                       "Permission denied"),
              std::string::npos)
        << result.err;
    EXPECT_TRUE(fs::is_empty(locked));
}

} // namespace

} // namespace privaudit::testing
