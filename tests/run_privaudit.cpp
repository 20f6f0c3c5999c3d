#include "tests/run_privaudit.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace privaudit::testing {

namespace fs = std::filesystem;

namespace {

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

} // namespace

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

CommandResult runPrivaudit(const std::vector<std::string>& args) {
    TempDir capture;
    std::string command =
        "cd " + shellQuote(PRIVAUDIT_SOURCE_DIR) + " && " + shellQuote(PRIVAUDIT_BINARY);
    for (const std::string& arg : args) {
        command += " " + shellQuote(arg);
    }
    command += " >" + shellQuote(capture.path() + "/out") + " 2>" +
               shellQuote(capture.path() + "/err") + " </dev/null";
    int status = std::system(command.c_str());
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
