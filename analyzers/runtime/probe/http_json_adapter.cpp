#include "analyzers/runtime/probe/http_json_adapter.h"

#include "analyzers/runtime/probe/json_reply.h"

#include <stdexcept>

namespace privaudit::runtime::probe {

namespace {

using Json = nlohmann::json;

void replaceAll(std::string& text, const std::string& placeholder, const std::string& value) {
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
        text.replace(at, placeholder.size(), value);
    }
}

// The template with the placeholders filled in every string (keys included).
Json filled(const Json& node, const std::map<std::string, std::string>& values) {
    if (node.is_string()) {
        std::string text = node.get<std::string>();
        for (const auto& [placeholder, value] : values) {
            replaceAll(text, placeholder, value);
        }
        return text;
    }
    if (node.is_array()) {
        Json out = Json::array();
        for (const Json& item : node) {
            out.push_back(filled(item, values));
        }
        return out;
    }
    if (node.is_object()) {
        Json out = Json::object();
        for (const auto& [key, item] : node.items()) {
            out[filled(key, values).get<std::string>()] = filled(item, values);
        }
        return out;
    }
    return node;
}

} // namespace

std::string checkRequestTemplate(const std::string& requestTemplate) {
    Json parsed = Json::parse(requestTemplate, nullptr, false);
    if (parsed.is_discarded()) {
        return "the request template is not JSON";
    }
    if (requestTemplate.find("{message}") == std::string::npos) {
        return "the request template has no {message} placeholder";
    }
    return {};
}

HttpJsonAdapter::HttpJsonAdapter(HttpUrl url, HttpHeaders headers, HttpSettings http,
                                 HttpJsonSettings json)
    : url_(std::move(url)), headers_(std::move(headers)), http_(std::move(http)),
      json_(std::move(json)), template_(Json::parse(json_.requestTemplate)) {}

std::string HttpJsonAdapter::sessionOf(const std::string& sender) {
    if (json_.sessionPointer.empty()) {
        return sender;
    }
    std::lock_guard lock(mutex_);
    return sessions_[sender];
}

std::vector<ReplyPart> HttpJsonAdapter::send(const std::string& sessionId,
                                             const std::string& message) {
    Json request = filled(
        template_,
        {{"{sender}", sessionId}, {"{session}", sessionOf(sessionId)}, {"{message}", message}});
    HttpResponse response = postJson(url_, request.dump(), headers_, http_);
    requireSuccess(response);
    Json reply = parseReply(response.body);
    if (reply.is_discarded()) {
        throw std::runtime_error("the bot's reply is " + describeReply(response.body));
    }
    if (!json_.sessionPointer.empty()) {
        Json::json_pointer pointer(json_.sessionPointer);
        if (!reply.contains(pointer) || !reply.at(pointer).is_string()) {
            throw std::runtime_error("the reply has no session id string at '" +
                                     json_.sessionPointer + "': " + describeReply(response.body));
        }
        std::lock_guard lock(mutex_);
        sessions_[sessionId] = reply.at(pointer).get<std::string>();
    }
    return replyPartsAt(reply, json_.replyPointers);
}

std::unique_ptr<ChatAdapter> HttpJsonAdapter::secondClient(const HttpHeaders& credentials) {
    auto client = std::make_unique<HttpJsonAdapter>(url_, replacedHeaders(headers_, credentials),
                                                    http_, json_);
    std::lock_guard lock(mutex_);
    client->sessions_ = sessions_;
    return client;
}

} // namespace privaudit::runtime::probe
