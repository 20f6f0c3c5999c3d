#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace privaudit::runtime::probe {

// One request the bot sent to its LLM provider.
struct UpstreamRequest {
    std::string method;
    std::string path;
    std::string body;
};

// An OpenAI-compatible LLM endpoint on loopback for the bot under test to call instead of its
// provider: POST /v1/chat/completions and /v1/completions answer with a short canned
// completion (streamed as server-sent events, as OpenAI does, when the request asks for
// "stream": true), GET /v1/models lists one model, and every request is recorded.
class MockLlm {
public:
    // `address` is HOST:PORT with HOST 127.0.0.1 (any 127.x.y.z), localhost or [::1]; port 0
    // picks a free port. Throws std::invalid_argument for any other host (the endpoint must
    // not be reachable from elsewhere) and std::runtime_error when it cannot bind.
    explicit MockLlm(const std::string& address);
    ~MockLlm();
    MockLlm(const MockLlm&) = delete;
    MockLlm& operator=(const MockLlm&) = delete;

    int port() const { return port_; }
    std::string baseUrl() const; // http://HOST:PORT/v1
    // The requests so far, in arrival order.
    std::vector<UpstreamRequest> requests() const;

private:
    std::unique_ptr<httplib::Server> server_;
    std::string host_;
    int port_ = 0;
    mutable std::mutex mutex_;
    std::vector<UpstreamRequest> requests_;
    std::thread listener_;
};

// Request `index` (0-based) as one line of JSON, without the line break: its number, method,
// path and body (parsed when it is JSON).
std::string upstreamRecordLine(const UpstreamRequest& request, size_t index);

// The requests as JSON lines, one per request: the record findings of upstream data point
// into. Holds what the bot sent, i.e. the synthetic canaries.
std::string upstreamJsonLines(const std::vector<UpstreamRequest>& requests);

// The error for an address MockLlm would refuse, empty when it would bind to it.
std::string mockLlmAddressError(const std::string& address);

} // namespace privaudit::runtime::probe
