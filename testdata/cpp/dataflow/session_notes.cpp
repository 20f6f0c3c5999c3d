// A chat session keeps notes for the human agent who takes over; helpers fill buffers the
// caller hands them.
#include "customer.h"

#include <spdlog/spdlog.h>
#include <string>

namespace support {

class HandoverNote {
public:
    explicit HandoverNote(std::string callerText) : text_(std::move(callerText)) {}

    void addDetail(const std::string& detail) { extra_ = detail; }

    void addQueue(const std::string& queue) { queue_ = queue; }

    void publish() const {
        spdlog::info("handover: {}", text_); // expect: cpp/pii-in-log
        spdlog::info("detail: {}", extra_); // expect: cpp/pii-in-log
        spdlog::info("queue: {}", queue_); // ok: cpp/pii-in-log
    }

private:
    std::string text_;
    std::string extra_;
    std::string queue_;
};

static void describeCaller(std::string& out, const std::string& phoneNumber) {
    out = "caller " + phoneNumber;
}

static void describeQueue(std::string& out, int position) {
    out = "position " + std::to_string(position);
}

void handOver(const std::string& utterance, const std::string& callerPhone, int position) {
    HandoverNote note(utterance);
    std::string caller;
    describeCaller(caller, callerPhone);
    note.addDetail(caller);
    note.addQueue("billing");
    note.publish();

    std::string line;
    describeCaller(line, callerPhone);
    spdlog::warn("{}", line); // expect: cpp/pii-in-log
    std::string place;
    describeQueue(place, position);
    spdlog::warn("{}", place); // ok: cpp/pii-in-log
}

} // namespace support

namespace support {

// Channels the bot answers on; the handover channel is chosen at run time.
class Channel {
public:
    virtual ~Channel() = default;
    virtual void deliver(const std::string& text) = 0;
};

class AgentDeskChannel : public Channel {
public:
    void deliver(const std::string& text) override {
        spdlog::info("to agent desk: {}", text); // expect: cpp/pii-in-log
    }
};

void forwardToAgent(Channel& channel, const ChatTurn& turn) {
    channel.deliver(turn.utterance);
}

} // namespace support
