#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace privaudit::runtime::probe {

// One piece of what the bot said: a message's text, a button's title or payload, an image
// URL or a custom payload (as JSON text). `field` says which, as a JSON pointer into the
// reply ("/0/text", "/1/buttons/0/payload", "/2/custom").
struct ReplyPart {
    std::string field;
    std::string text;
};

// How the probe talks to one kind of bot. `send` delivers one customer message in the
// conversation `sessionId` and returns what the bot said; it throws std::runtime_error naming
// what went wrong (no answer, an HTTP error, a reply of the wrong shape). The probe calls it
// from several threads at once.
class ChatAdapter {
public:
    virtual ~ChatAdapter() = default;
    virtual std::vector<ReplyPart> send(const std::string& sessionId,
                                        const std::string& message) = 0;

    // Whether messages sent from several threads reach the bot at the same time; false when
    // the transport delivers them one after another anyway (then the probe plans no bursts,
    // so that no finding claims a concurrency that did not happen).
    virtual bool concurrent() const { return true; }

    // A second client of the same bot, for runtime/session-id-reuse: its own connection, with
    // `credentials` (HTTP header name and value) in place of this adapter's headers of those
    // names, that continues this adapter's conversations: its send(sessionId, ...) reaches the
    // conversation this adapter's send(sessionId, ...) reached, by the id the bot gave it.
    // nullptr when the transport has no second client (a child process has one pipe).
    virtual std::unique_ptr<ChatAdapter>
    secondClient(const std::vector<std::pair<std::string, std::string>>& credentials) {
        (void)credentials;
        return nullptr;
    }
};

} // namespace privaudit::runtime::probe
