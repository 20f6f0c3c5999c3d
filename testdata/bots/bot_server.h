#pragma once

// The skeleton every fixture bot shares: a Rasa REST channel on loopback
// (POST /webhooks/rest/webhook, {"sender","message"} -> a list of {recipient_id, text, ...}),
// free-port binding, clean shutdown on SIGTERM/SIGINT, and injectable faults for the probe's
// fault tests.
//
//     BOT [--port N] [--protocol rasa-rest|jsonl] [--fault MODE] [--NAME VALUE]...
//
// --port 0 (the default) binds a free port; the bot prints "listening on http://127.0.0.1:PORT"
// on stdout once it accepts connections. --protocol jsonl speaks JSON lines on stdin/stdout
// instead: one request line {"session","message"} -> one reply line {"session","replies"}
// (replies in Rasa's shape); the bot exits at the end of its input. --fault makes the chat
// endpoints misbehave:
//   crash-after=N    the process exits abruptly on request N+1 (no answer)
//   hang-after=N     requests after the N-th never get an answer
//   garbage-after=N  requests after the N-th get "200 OK" with an HTML page instead of JSON
//   slow=MS          every answer is delayed by MS milliseconds
// --tls-cert FILE --tls-key FILE serve https instead. Other --NAME VALUE pairs are left to the
// bot (BotOptions::value).

#include <condition_variable>
#include <functional>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace privaudit::bots {

struct BotOptions {
    int port = 0;
    std::string protocol = "rasa-rest";
    std::string fault;
    std::map<std::string, std::string> values; // the bot's own --NAME VALUE options

    // The value of --name, or `fallback`.
    std::string value(const std::string& name, const std::string& fallback = "") const;
};

// Parses the command line; prints the problem and exits 2 on a malformed one.
BotOptions parseBotOptions(int argc, char** argv);

// One customer message in, the bot's messages out (Rasa's reply shape: a JSON list).
using ChatHandler =
    std::function<nlohmann::json(const std::string& sender, const std::string& message)>;

// Wraps an endpoint's work in the configured fault: call it around every chat request so
// that faults apply to every protocol a bot speaks. Returns false when the request must get
// the fault's garbage answer instead (the caller sets it with `garbageAnswer`).
class FaultInjector {
public:
    explicit FaultInjector(const std::string& fault);
    bool beforeAnswer();
    static void garbageAnswer(httplib::Response& response);
    void shutDown();

private:
    std::string mode_;
    long long limit_ = 0;
    std::mutex mutex_;
    std::condition_variable stopped_;
    long long requests_ = 0;
    bool shuttingDown_ = false;
};

// Serves `handler` in the chosen protocol: the Rasa REST channel plus whatever `extraRoutes`
// adds, until SIGTERM or SIGINT; or JSON lines until the end of stdin. Returns the process
// exit code.
int serveBot(const BotOptions& options, ChatHandler handler,
             const std::function<void(httplib::Server&, FaultInjector&)>& extraRoutes = {});

} // namespace privaudit::bots
