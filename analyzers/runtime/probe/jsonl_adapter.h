#pragma once

#include "analyzers/runtime/probe/chat_adapter.h"

#include <chrono>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <vector>

namespace privaudit::runtime::probe {

// A bot that is a child process speaking JSON lines: the probe writes one line
// {"session": ..., "message": ...} to its stdin and reads one line back from its stdout; the
// bot's text is every string under the reply pointers. One message at a time (a pipe is one
// conversation channel): concurrent() is false. The child is started by /bin/sh -c COMMAND in
// a process group of its own and stopped (stdin closed, then SIGTERM, then SIGKILL to the
// group) when the adapter goes; its stderr is the probe's.
class JsonLinesAdapter : public ChatAdapter {
public:
    JsonLinesAdapter(const std::string& command, std::vector<std::string> replyPointers,
                     std::chrono::milliseconds timeout);
    ~JsonLinesAdapter() override;
    JsonLinesAdapter(const JsonLinesAdapter&) = delete;
    JsonLinesAdapter& operator=(const JsonLinesAdapter&) = delete;

    std::vector<ReplyPart> send(const std::string& sessionId, const std::string& message) override;
    bool concurrent() const override { return false; }

private:
    std::string readLine();
    void fail(const std::string& why); // stops the child and throws from now on
    std::string exitDescription();

    std::vector<std::string> replyPointers_;
    std::chrono::milliseconds timeout_;
    std::mutex mutex_;
    pid_t child_ = -1;
    int toChild_ = -1;
    int fromChild_ = -1;
    std::string buffered_;
    std::string broken_; // why the child no longer answers, empty while it does
    int sent_ = 0;
};

} // namespace privaudit::runtime::probe
