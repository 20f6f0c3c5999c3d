#pragma once

#include "analyzers/runtime/probe/chat_adapter.h"
#include "analyzers/runtime/probe/http_client.h"

#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime::probe {

// Rasa's REST channel: POST {"sender": ..., "message": ...} to /webhooks/rest/webhook, the reply
// is a list of {recipient_id, text, buttons, image, custom}.
class RasaRestAdapter : public ChatAdapter {
public:
    RasaRestAdapter(HttpUrl url, HttpHeaders headers, HttpSettings settings)
        : url_(std::move(url)), headers_(std::move(headers)), settings_(std::move(settings)) {}

    std::vector<ReplyPart> send(const std::string& sessionId, const std::string& message) override;
    // The sender id is all the REST channel knows of a conversation: another connection that
    // sends it continues the conversation.
    std::unique_ptr<ChatAdapter> secondClient(const HttpHeaders& credentials) override {
        return std::make_unique<RasaRestAdapter>(url_, replacedHeaders(headers_, credentials),
                                                 settings_);
    }

private:
    HttpUrl url_;
    HttpHeaders headers_;
    HttpSettings settings_;
};

// The parts of a Rasa REST reply body. Throws std::runtime_error when it is not a JSON list or
// nests deeper than any chat API does (parseReply).
std::vector<ReplyPart> parseRasaReply(std::string_view body);

} // namespace privaudit::runtime::probe
