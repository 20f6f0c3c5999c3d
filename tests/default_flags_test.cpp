#include "analyzers/cpp/default_flags.h"
#include "tests/run_privaudit.h"

#include <algorithm>
#include <gtest/gtest.h>

namespace privaudit::testing {

namespace {

bool has(const std::vector<std::string>& args, const std::string& arg) {
    return std::ranges::find(args, arg) != args.end();
}

TEST(DefaultFlags, GuessIncludeFoldersFromTheLayout) {
    TempDir dir;
    std::string file = dir.write("services/bot/src/main.cpp", "");
    dir.write("services/bot/include/bot.h", "");
    dir.write("include/common.h", "");
    dir.write("third_party/httplib/httplib.h", "");
    dir.write("third_party/spdlog/include/spdlog/spdlog.h", "");
    auto args = cpp::defaultCompileArgs(file, {dir.path()});
    EXPECT_EQ(args.front(), "clang++");
    EXPECT_TRUE(has(args, "-std=c++20"));
    EXPECT_TRUE(has(args, "-I" + dir.path() + "/services/bot/include"));
    EXPECT_TRUE(has(args, "-I" + dir.path() + "/services/bot/src"));
    EXPECT_TRUE(has(args, "-I" + dir.path() + "/include"));
    EXPECT_TRUE(has(args, "-I" + dir.path() + "/third_party/httplib"));
    EXPECT_TRUE(has(args, "-I" + dir.path() + "/third_party/spdlog/include"));
    EXPECT_EQ(args.back(), file);
}

TEST(DefaultFlags, CompileFlagsTxtWins) {
    TempDir dir;
    std::string file = dir.write("src/legacy.c", "");
    dir.write("compile_flags.txt", "-std=gnu11\n-DLEGACY=1\n\n-Ivendor\n");
    auto args = cpp::defaultCompileArgs(file, {dir.path()});
    EXPECT_EQ(args,
              (std::vector<std::string>{"clang", "-std=gnu11", "-DLEGACY=1", "-Ivendor", file}));
}

} // namespace

} // namespace privaudit::testing
