#include "analyzers/runtime/probe/rasa_rest_adapter.h"

#include "analyzers/runtime/probe/json_reply.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace privaudit::runtime::probe {

namespace {

using Json = nlohmann::json;

void addText(std::vector<ReplyPart>& parts, const Json& object, const std::string& pointer,
             const char* key) {
    if (auto found = object.find(key); found != object.end() && found->is_string()) {
        parts.push_back({pointer + "/" + key, found->get<std::string>()});
    }
}

} // namespace

std::vector<ReplyPart> RasaRestAdapter::send(const std::string& sessionId,
                                             const std::string& message) {
    HttpResponse response = postJson(url_, Json{{"sender", sessionId}, {"message", message}}.dump(),
                                     headers_, settings_);
    requireSuccess(response);
    return parseRasaReply(response.body);
}

std::vector<ReplyPart> parseRasaReply(std::string_view body) {
    Json reply = parseReply(body);
    if (!reply.is_array()) {
        throw std::runtime_error("the bot's reply is not a JSON list of messages but " +
                                 describeReply(body));
    }
    std::vector<ReplyPart> parts;
    for (size_t i = 0; i < reply.size(); ++i) {
        const Json& entry = reply[i];
        std::string pointer = "/" + std::to_string(i);
        if (!entry.is_object()) {
            continue;
        }
        addText(parts, entry, pointer, "text");
        addText(parts, entry, pointer, "image");
        if (auto buttons = entry.find("buttons"); buttons != entry.end() && buttons->is_array()) {
            for (size_t b = 0; b < buttons->size(); ++b) {
                if ((*buttons)[b].is_object()) {
                    std::string at = pointer + "/buttons/" + std::to_string(b);
                    addText(parts, (*buttons)[b], at, "title");
                    addText(parts, (*buttons)[b], at, "payload");
                }
            }
        }
        if (auto custom = entry.find("custom"); custom != entry.end() && !custom->is_null()) {
            parts.push_back({pointer + "/custom", custom->dump()});
        }
    }
    return parts;
}

} // namespace privaudit::runtime::probe
