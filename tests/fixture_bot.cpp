#include "tests/fixture_bot.h"

#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace privaudit::testing {

std::string fixtureBotPath(const std::string& bot) {
    return std::string(PRIVAUDIT_BOTS_DIR) + "/" + bot;
}

FixtureBot::FixtureBot(const std::string& bot, const std::vector<std::string>& arguments) {
    std::string path = fixtureBotPath(bot);
    std::vector<std::string> argv = {path};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    std::vector<char*> pointers;
    for (std::string& arg : argv) {
        pointers.push_back(arg.data());
    }
    pointers.push_back(nullptr);
    int pipeEnds[2];
    if (::pipe(pipeEnds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(pipeEnds[1], STDOUT_FILENO);
        ::close(pipeEnds[0]);
        ::close(pipeEnds[1]);
        ::execv(path.c_str(), pointers.data());
        ::_exit(127);
    }
    ::close(pipeEnds[1]);
    FILE* out = ::fdopen(pipeEnds[0], "r");
    char line[256] = {};
    bool started = std::fgets(line, sizeof line, out) != nullptr;
    std::fclose(out);
    const std::string prefix = "listening on ";
    if (!started || !std::string(line).starts_with(prefix)) {
        stop();
        throw std::runtime_error("the fixture bot " + path + " did not start");
    }
    url_ = std::string(line).substr(prefix.size());
    url_.erase(url_.find_last_not_of("\r\n") + 1);
}

int FixtureBot::stop() {
    int status = 0;
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }
    return status;
}

FixtureBot::~FixtureBot() {
    stop();
}

} // namespace privaudit::testing
