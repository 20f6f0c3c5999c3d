#pragma once

#include "tests/run_privaudit.h"

#include <string>

namespace privaudit::testing {

// A git repository in a temporary folder, with an identity of its own.
class GitRepo : public TempDir {
public:
    GitRepo();
    // Runs `git ARGS` in the repository; its stdout. Fails the test when git fails.
    std::string git(const std::string& args) const;
    // Stages everything and commits; returns the new commit's id.
    std::string commit(const std::string& message) const;
};

} // namespace privaudit::testing
