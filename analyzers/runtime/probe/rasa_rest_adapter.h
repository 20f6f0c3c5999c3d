#pragma once

#include "analyzers/runtime/probe/http_client.h"

#include <chrono>
#include <string>
#include <vector>

namespace privaudit::runtime::probe {

// One piece of what the bot said: a message's text, a button's title or payload, an image
// URL or a custom payload (as JSON text). `field` says which, as a JSON pointer into the
// reply list ("/0/text", "/1/buttons/0/payload", "/2/custom").
struct ReplyPart {
    std::string field;
    std::string text;
};

// Rasa's REST channel: POST {"sender": ..., "message": ...} to /webhooks/rest/webhook, the reply
// is a list of {recipient_id, text, buttons, image, custom}. Throws std::runtime_error when the
// bot does not answer with HTTP 2xx and such a list.
std::vector<ReplyPart> sendRasaRest(const HttpUrl& url, const std::string& sender,
                                    const std::string& message, std::chrono::milliseconds timeout);

} // namespace privaudit::runtime::probe
