#pragma once

#include "analyzers/runtime/probe/chat_adapter.h"
#include "analyzers/runtime/probe/http_client.h"

#include <chrono>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

// Helpers the JSON-speaking adapters share.
namespace privaudit::runtime::probe {

// A reply as the adapters read it: the parsed JSON, or a discarded value when it is not JSON.
// Throws std::runtime_error when it nests deeper than any chat API does: walking or serializing
// such a reply recurses once per level and would overflow the stack on a hostile bot's answer.
nlohmann::json parseReply(std::string_view body);

// Every string in `reply` under each JSON pointer (the whole reply for ""), one part per
// string, named by its full pointer. Throws std::runtime_error when none of the pointers
// exists in the reply or one is malformed.
std::vector<ReplyPart> replyPartsAt(const nlohmann::json& reply,
                                    const std::vector<std::string>& pointers);

// Throws std::runtime_error ("the bot answered HTTP 503") unless the status is 2xx.
void requireSuccess(const HttpResponse& response);

// "2 s", "0.5 s": a timeout in an error message.
std::string durationText(std::chrono::milliseconds duration);

// What the target sent, for an error message, without its values (they could be a customer's
// data): "a JSON object with keys a, b", "not JSON (120 bytes starting '<html><body>502 ')".
std::string describeReply(std::string_view reply);

} // namespace privaudit::runtime::probe
