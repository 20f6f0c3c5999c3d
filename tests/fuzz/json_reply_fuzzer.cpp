// How the http-json and jsonl adapters read a bot's reply: parse it, describe it for an error
// message, and collect the strings under the reply pointers (the whole reply, or named keys).

#include "analyzers/runtime/probe/json_reply.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace privaudit::runtime::probe;
    std::string_view body(reinterpret_cast<const char*>(data), size);
    describeReply(body);
    try {
        nlohmann::json reply = parseReply(body);
        if (reply.is_discarded()) {
            return 0;
        }
        for (const auto& pointers :
             {std::vector<std::string>{""}, std::vector<std::string>{"/messages", "/reply/text"}}) {
            try {
                replyPartsAt(reply, pointers);
            } catch (const std::runtime_error&) {
            }
        }
    } catch (const std::runtime_error&) {
    }
    return 0;
}
