#include "tests/run_privaudit.h"

#include "core/shell_quote.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace privaudit::testing {

namespace fs = std::filesystem;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

CommandResult runPrivaudit(const std::vector<std::string>& args) {
    std::string command = core::shellQuoted(PRIVAUDIT_BINARY);
    for (const std::string& arg : args) {
        command += " " + core::shellQuoted(arg);
    }
    return runShell(command);
}

CommandResult runShell(const std::string& command) {
    TempDir capture;
    std::string line = "cd " + core::shellQuoted(PRIVAUDIT_SOURCE_DIR) + " && (" + command + ") >" +
                       core::shellQuoted(capture.path() + "/out") + " 2>" +
                       core::shellQuoted(capture.path() + "/err") + " </dev/null";
    int status = std::system(line.c_str());
    CommandResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readFile(capture.path() + "/out");
    result.err = readFile(capture.path() + "/err");
    return result;
}

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "privaudit-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data()) ? pattern : std::string();
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
    fs::path file = fs::path(path_) / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
}

} // namespace privaudit::testing
