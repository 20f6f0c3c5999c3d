#include "analyzers/runtime/probe/json_reply.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace privaudit::runtime::probe {

namespace {

using Json = nlohmann::json;

constexpr int maxReplyDepth = 128;

void collectStrings(const Json& value, const std::string& pointer, std::vector<ReplyPart>& parts) {
    if (value.is_string()) {
        parts.push_back({pointer, value.get<std::string>()});
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i) {
            collectStrings(value[i], pointer + "/" + std::to_string(i), parts);
        }
    } else if (value.is_object()) {
        for (const auto& [key, member] : value.items()) {
            collectStrings(member, (Json::json_pointer(pointer) / key).to_string(), parts);
        }
    }
}

} // namespace

Json parseReply(std::string_view body) {
    auto refuseDeepNesting = [](int depth, Json::parse_event_t event, Json&) {
        if (depth >= maxReplyDepth && (event == Json::parse_event_t::object_start ||
                                       event == Json::parse_event_t::array_start)) {
            throw std::runtime_error("the bot's reply nests more than " +
                                     std::to_string(maxReplyDepth) + " levels deep");
        }
        return true;
    };
    return Json::parse(body, refuseDeepNesting, false);
}

std::vector<ReplyPart> replyPartsAt(const Json& reply, const std::vector<std::string>& pointers) {
    std::vector<ReplyPart> parts;
    bool found = false;
    for (const std::string& text : pointers) {
        Json::json_pointer pointer(text); // throws json::parse_error, a std::exception
        if (reply.contains(pointer)) {
            found = true;
            collectStrings(reply.at(pointer), text, parts);
        }
    }
    if (!found) {
        std::string list;
        for (const std::string& pointer : pointers) {
            list += (list.empty() ? "" : ", ") + ("'" + pointer + "'");
        }
        throw std::runtime_error("the reply has nothing at " + list + ": " +
                                 describeReply(reply.dump()));
    }
    return parts;
}

void requireSuccess(const HttpResponse& response) {
    if (response.status < 200 || response.status > 299) {
        throw std::runtime_error("the bot answered HTTP " + std::to_string(response.status));
    }
}

std::string durationText(std::chrono::milliseconds duration) {
    auto tenths = duration.count() / 100;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") +
           " s";
}

std::string describeReply(std::string_view reply) {
    Json parsed = Json::parse(reply, nullptr, false);
    if (parsed.is_discarded()) {
        // Markup (an error page) is shown in part; other text may carry a customer's data.
        std::string size = std::to_string(reply.size()) + " bytes";
        if (!reply.starts_with('<')) {
            return "not JSON (" + size + " of text)";
        }
        std::string start;
        for (char c : reply.substr(0, 16)) {
            start += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        }
        return "not JSON (" + size + " starting '" + start + "')";
    }
    if (parsed.is_object()) {
        std::string keys;
        for (const auto& [key, value] : parsed.items()) {
            keys += (keys.empty() ? "" : ", ") + key;
        }
        return keys.empty() ? "an empty JSON object" : "a JSON object with keys " + keys;
    }
    if (parsed.is_array()) {
        return "a JSON list of " + std::to_string(parsed.size()) + " items";
    }
    return std::string("a JSON ") + parsed.type_name();
}

} // namespace privaudit::runtime::probe
