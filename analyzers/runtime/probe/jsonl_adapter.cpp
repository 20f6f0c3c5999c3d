#include "analyzers/runtime/probe/jsonl_adapter.h"

#include "analyzers/runtime/probe/json_reply.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace privaudit::runtime::probe {

namespace {

constexpr auto stopGrace = std::chrono::seconds(2);

// Waits up to `limit` for the child to end; its wait status, or nullopt while it runs.
std::optional<int> waitFor(pid_t child, std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        int status = 0;
        if (::waitpid(child, &status, WNOHANG) == child) {
            return status;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::string describeStatus(int status) {
    if (WIFEXITED(status)) {
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return std::string("was killed by signal ") + ::strsignal(WTERMSIG(status));
    }
    return "stopped";
}

} // namespace

JsonLinesAdapter::JsonLinesAdapter(const std::string& command,
                                   std::vector<std::string> replyPointers,
                                   std::chrono::milliseconds timeout)
    : replyPointers_(std::move(replyPointers)), timeout_(timeout) {
    // A child that dies while the probe writes must be an error, not SIGPIPE for the probe.
    std::signal(SIGPIPE, SIG_IGN);
    int input[2];
    int output[2];
    if (::pipe2(input, O_CLOEXEC) != 0 || ::pipe2(output, O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("cannot create pipes: ") + std::strerror(errno));
    }
    child_ = ::fork();
    if (child_ < 0) {
        throw std::runtime_error(std::string("cannot start the command: ") + std::strerror(errno));
    }
    if (child_ == 0) {
        // Its own process group: stopping it stops what /bin/sh started too, not only the
        // shell (a probe that dies leaves the group its stdin's end, which ends a jsonl bot).
        ::setpgid(0, 0);
        ::dup2(input[0], STDIN_FILENO);
        ::dup2(output[1], STDOUT_FILENO);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::setpgid(child_, child_); // also here, so that it holds before either side goes on
    ::close(input[0]);
    ::close(output[1]);
    toChild_ = input[1];
    fromChild_ = output[0];
}

JsonLinesAdapter::~JsonLinesAdapter() {
    ::close(toChild_);
    ::close(fromChild_);
    if (child_ > 0 && !waitFor(child_, stopGrace)) {
        ::kill(-child_, SIGTERM);
        if (!waitFor(child_, stopGrace)) {
            ::kill(-child_, SIGKILL);
            ::waitpid(child_, nullptr, 0);
        }
    }
}

std::string JsonLinesAdapter::exitDescription() {
    std::optional<int> status = waitFor(child_, std::chrono::milliseconds(500));
    if (!status) {
        return "closed its stdout";
    }
    child_ = -1;
    return describeStatus(*status);
}

void JsonLinesAdapter::fail(const std::string& why) {
    broken_ = why;
    if (child_ > 0) {
        ::kill(-child_, SIGKILL);
        ::waitpid(child_, nullptr, 0);
        child_ = -1;
    }
    throw std::runtime_error(why);
}

std::string JsonLinesAdapter::readLine() {
    auto deadline = std::chrono::steady_clock::now() + timeout_;
    for (;;) {
        if (size_t end = buffered_.find('\n'); end != std::string::npos) {
            std::string line = buffered_.substr(0, end);
            buffered_.erase(0, end + 1);
            return line;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd ready{fromChild_, POLLIN, 0};
        int polled = left.count() > 0 ? ::poll(&ready, 1, static_cast<int>(left.count())) : 0;
        if (polled == 0) {
            fail("the command gave no reply line within " + durationText(timeout_) +
                 "; it was stopped");
        }
        if (polled < 0 && errno == EINTR) {
            continue;
        }
        char chunk[4096];
        ssize_t n = polled < 0 ? -1 : ::read(fromChild_, chunk, sizeof chunk);
        if (n <= 0) {
            std::string how = exitDescription();
            fail("the command " + how + " (at message " + std::to_string(sent_) + ")");
        }
        buffered_.append(chunk, static_cast<size_t>(n));
    }
}

std::vector<ReplyPart> JsonLinesAdapter::send(const std::string& sessionId,
                                              const std::string& message) {
    std::lock_guard lock(mutex_);
    if (!broken_.empty()) {
        throw std::runtime_error(broken_);
    }
    std::string line = nlohmann::json{{"session", sessionId}, {"message", message}}.dump() + "\n";
    ++sent_;
    for (size_t written = 0; written < line.size();) {
        ssize_t n = ::write(toChild_, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            std::string how = exitDescription();
            fail("the command " + how + " (at message " + std::to_string(sent_) + ")");
        }
        written += static_cast<size_t>(n);
    }
    std::string replyLine = readLine();
    nlohmann::json reply = parseReply(replyLine);
    if (reply.is_discarded()) {
        throw std::runtime_error("the command's reply line is " + describeReply(replyLine));
    }
    return replyPartsAt(reply, replyPointers_);
}

} // namespace privaudit::runtime::probe
