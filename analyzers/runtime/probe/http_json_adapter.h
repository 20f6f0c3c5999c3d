#pragma once

#include "analyzers/runtime/probe/chat_adapter.h"
#include "analyzers/runtime/probe/http_client.h"

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace privaudit::runtime::probe {

// How to talk to a bot with its own JSON API.
struct HttpJsonSettings {
    // The request body: JSON in which the placeholders {sender}, {session} and {message} are
    // replaced inside string values (so the values need no escaping by the user).
    std::string requestTemplate = R"({"sender": "{sender}", "message": "{message}"})";
    // Where the bot's text is: every string under these JSON pointers ("" = the whole reply).
    std::vector<std::string> replyPointers = {""};
    // Where the bot returns a conversation id; when set, {session} is "" on a customer's first
    // message and then what the bot returned there last. When unset, {session} = {sender}.
    std::string sessionPointer;
};

// Returns the request template's problem ("not JSON", ...), empty when it is usable.
std::string checkRequestTemplate(const std::string& requestTemplate);

class HttpJsonAdapter : public ChatAdapter {
public:
    HttpJsonAdapter(HttpUrl url, HttpHeaders headers, HttpSettings http, HttpJsonSettings json);

    std::vector<ReplyPart> send(const std::string& sessionId, const std::string& message) override;
    // Another connection with its own credentials that knows the bot's conversation ids.
    std::unique_ptr<ChatAdapter> secondClient(const HttpHeaders& credentials) override;

private:
    std::string sessionOf(const std::string& sender);

    HttpUrl url_;
    HttpHeaders headers_;
    HttpSettings http_;
    HttpJsonSettings json_;
    nlohmann::json template_;
    std::mutex mutex_;
    std::map<std::string, std::string> sessions_; // sender -> the bot's conversation id
};

} // namespace privaudit::runtime::probe
