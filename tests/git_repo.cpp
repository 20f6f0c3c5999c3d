#include "tests/git_repo.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace privaudit::testing {

GitRepo::GitRepo() {
    git("init -q -b main");
    git("config user.email test@example.invalid");
    git("config user.name privaudit-test");
    git("config commit.gpgsign false");
}

std::string GitRepo::git(const std::string& args) const {
    std::string out = path() + "/.git-output";
    std::string command = "git -C '" + path() + "' " + args + " >'" + out + "' 2>&1";
    int status = std::system(command.c_str());
    std::string text = readFile(out);
    std::remove(out.c_str());
    EXPECT_EQ(status, 0) << command << "\n" << text;
    return text;
}

std::string GitRepo::commit(const std::string& message) const {
    git("add -A");
    git("commit -q -m '" + message + "'");
    std::string id = git("rev-parse HEAD");
    return id.substr(0, id.find('\n'));
}

} // namespace privaudit::testing
