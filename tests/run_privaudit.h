#pragma once

#include <string>
#include <vector>

namespace privaudit::testing {

struct CommandResult {
    int exitCode = -1;
    std::string out; // stdout
    std::string err; // stderr
};

// Runs the built privaudit binary with `args` from the source tree's root.
CommandResult runPrivaudit(const std::vector<std::string>& args);

// Runs a shell command line from the source tree's root; PRIVAUDIT_BINARY names the binary.
CommandResult runShell(const std::string& command);

// A fresh temporary folder, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::string path_;
};

std::string readFile(const std::string& path);

} // namespace privaudit::testing
