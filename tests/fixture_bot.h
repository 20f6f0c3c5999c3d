#pragma once

// The fixture bots of testdata/bots as child processes on free loopback ports, for the probe's
// tests: started in the constructor (which waits for "listening on URL"), stopped with
// SIGTERM in the destructor.
#include <string>
#include <sys/types.h>
#include <vector>

namespace privaudit::testing {

class FixtureBot {
public:
    // `bot` names an executable of testdata/bots ("good_bot"); `arguments` are passed on.
    explicit FixtureBot(const std::string& bot, const std::vector<std::string>& arguments = {});
    ~FixtureBot();
    FixtureBot(const FixtureBot&) = delete;
    FixtureBot& operator=(const FixtureBot&) = delete;

    // "http://127.0.0.1:PORT"
    const std::string& url() const { return url_; }
    pid_t pid() const { return pid_; }

    // Stops the bot now; returns its wait status.
    int stop();

private:
    pid_t pid_ = -1;
    std::string url_;
};

// The path of a fixture bot's executable, for --command.
std::string fixtureBotPath(const std::string& bot);

} // namespace privaudit::testing
