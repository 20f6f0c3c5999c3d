#include "analyzers/runtime/probe/mock_llm.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <sys/socket.h>

namespace privaudit::runtime::probe {

namespace {

// Prompts with long histories run to some hundred kilobytes; a bot sending more is broken.
constexpr size_t maxRequestBytes = 16u << 20;
constexpr const char* mockModel = "privaudit-mock";
constexpr const char* cannedReply = "Thank you. I have noted that and will help you further.";

struct HostPort {
    std::string host; // without brackets
    int port = -1;
};

HostPort splitAddress(const std::string& address) {
    size_t colon = address.rfind(':');
    if (colon == std::string::npos) {
        return {};
    }
    HostPort split{address.substr(0, colon), -1};
    if (split.host.size() > 2 && split.host.front() == '[' && split.host.back() == ']') {
        split.host = split.host.substr(1, split.host.size() - 2);
    }
    std::string_view port = std::string_view(address).substr(colon + 1);
    int value = -1;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec == std::errc() && end == port.data() + port.size() && value >= 0 && value <= 65535) {
        split.port = value;
    }
    return split;
}

bool loopbackHost(const std::string& host) {
    if (host == "localhost" || host == "::1") {
        return true;
    }
    int octets = 0;
    std::string_view rest = host;
    while (!rest.empty()) {
        size_t dot = rest.find('.');
        std::string_view part = rest.substr(0, dot);
        int value = -1;
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (ec != std::errc() || end != part.data() + part.size() || value > 255 ||
            (octets == 0 && value != 127)) {
            return false;
        }
        ++octets;
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    }
    return octets == 4;
}

nlohmann::json completion(const httplib::Request& request, bool chat) {
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    std::string model = body.is_object() && body.contains("model") && body["model"].is_string()
                            ? body["model"].get<std::string>()
                            : mockModel;
    nlohmann::json choice = {{"index", 0}, {"finish_reason", "stop"}};
    if (chat) {
        choice["message"] = {{"role", "assistant"}, {"content", cannedReply}};
    } else {
        choice["text"] = cannedReply;
    }
    return {{"id", chat ? "chatcmpl-privaudit" : "cmpl-privaudit"},
            {"object", chat ? "chat.completion" : "text_completion"},
            {"created", 0},
            {"model", model},
            {"choices", nlohmann::json::array({choice})},
            {"usage", {{"prompt_tokens", 0}, {"completion_tokens", 0}, {"total_tokens", 0}}}};
}

bool wantsStream(const httplib::Request& request) {
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    return body.is_object() && body.value("stream", false) == true;
}

// `whole` (a completion() answer) the way OpenAI streams it with "stream": true: server-sent
// events, one "data: CHUNK" per piece of the text (chat: a first chunk with the role, then
// choices[0].delta.content; legacy: choices[0].text), a last chunk with the finish reason,
// then "data: [DONE]".
std::string streamedCompletion(const nlohmann::json& whole, bool chat) {
    nlohmann::json chunk = whole;
    chunk.erase("usage");
    if (chat) {
        chunk["object"] = "chat.completion.chunk";
    }
    std::string events;
    auto send = [&](const nlohmann::json& choice) {
        chunk["choices"] = nlohmann::json::array({choice});
        events += "data: " + chunk.dump() + "\n\n";
    };
    auto piece = [&](nlohmann::json delta) {
        nlohmann::json choice = {{"index", 0}, {"finish_reason", nullptr}};
        choice[chat ? "delta" : "text"] = std::move(delta);
        send(choice);
    };
    if (chat) {
        piece({{"role", "assistant"}, {"content", ""}});
    }
    std::string_view text = cannedReply;
    for (size_t start = 0; start < text.size();) {
        size_t end = std::min(text.find(' ', start + 1), text.size());
        std::string word(text.substr(start, end - start));
        piece(chat ? nlohmann::json{{"content", word}} : nlohmann::json(word));
        start = end;
    }
    nlohmann::json last = {{"index", 0}, {"finish_reason", "stop"}};
    last[chat ? "delta" : "text"] = chat ? nlohmann::json::object() : nlohmann::json("");
    send(last);
    return events + "data: [DONE]\n\n";
}

} // namespace

std::string upstreamRecordLine(const UpstreamRequest& request, size_t index) {
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
        body = request.body;
    }
    nlohmann::json line = {
        {"request", index + 1}, {"method", request.method}, {"path", request.path}, {"body", body}};
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string upstreamJsonLines(const std::vector<UpstreamRequest>& requests) {
    std::string lines;
    for (size_t i = 0; i < requests.size(); ++i) {
        lines += upstreamRecordLine(requests[i], i) + "\n";
    }
    return lines;
}

std::string mockLlmAddressError(const std::string& address) {
    HostPort split = splitAddress(address);
    if (split.port < 0) {
        return "--mock-llm needs HOST:PORT (e.g. 127.0.0.1:0), not '" + address + "'";
    }
    if (!loopbackHost(split.host)) {
        return "--mock-llm listens on loopback only (127.0.0.1, localhost or [::1]), not on '" +
               split.host + "'";
    }
    return {};
}

MockLlm::MockLlm(const std::string& address) : server_(std::make_unique<httplib::Server>()) {
    if (std::string error = mockLlmAddressError(address); !error.empty()) {
        throw std::invalid_argument(error);
    }
    HostPort split = splitAddress(address);
    host_ = split.host == "localhost" ? "127.0.0.1" : split.host;
    auto record = [this](const httplib::Request& request) {
        std::lock_guard lock(mutex_);
        requests_.push_back({request.method, request.path, request.body});
    };
    auto answer = [this, record](bool chat) {
        return [record, chat](const httplib::Request& request, httplib::Response& response) {
            record(request);
            if (wantsStream(request)) {
                response.set_content(streamedCompletion(completion(request, chat), chat),
                                     "text/event-stream");
            } else {
                response.set_content(completion(request, chat).dump(), "application/json");
            }
        };
    };
    server_->set_payload_max_length(maxRequestBytes);
    server_->Post("/v1/chat/completions", answer(true));
    server_->Post("/v1/completions", answer(false));
    server_->Get(
        "/v1/models", [record](const httplib::Request& request, httplib::Response& response) {
            record(request);
            nlohmann::json models = {
                {"object", "list"},
                {"data", {{{"id", mockModel}, {"object", "model"}, {"owned_by", "privaudit"}}}}};
            response.set_content(models.dump(), "application/json");
        });
    server_->set_error_handler([record](const httplib::Request& request,
                                        httplib::Response& response) {
        record(request);
        response.set_content(R"({"error":{"message":"not found","type":"invalid_request_error"}})",
                             "application/json");
    });
    if (host_.find(':') != std::string::npos) {
        server_->set_address_family(AF_INET6);
    }
    port_ = split.port == 0 ? server_->bind_to_any_port(host_)
                            : (server_->bind_to_port(host_, split.port) ? split.port : -1);
    if (port_ <= 0) {
        throw std::runtime_error("--mock-llm cannot listen on " + address);
    }
    listener_ = std::thread([this] { server_->listen_after_bind(); });
    // stop() is a no-op until the server runs: wait, so the destructor cannot hang.
    while (!server_->is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

MockLlm::~MockLlm() {
    server_->stop();
    listener_.join();
}

std::string MockLlm::baseUrl() const {
    std::string host = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
    return "http://" + host + ":" + std::to_string(port_) + "/v1";
}

std::vector<UpstreamRequest> MockLlm::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

} // namespace privaudit::runtime::probe
