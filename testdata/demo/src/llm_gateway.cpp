#include "support/llm_gateway.h"

#include "support/json.h"
#include "support/log.h"

namespace support {

namespace {

constexpr std::string_view kAssistantInstructions =
    "You are the customer support assistant of Northwind Outfitters, an online outdoor store. "
    "Answer briefly and politely. Use only the customer record below for facts about the "
    "customer and their orders. Never ask for passwords or full card numbers.";

std::string describe(const Customer& customer) {
    std::string text = "Customer record:\nName: " + customer.full_name +
                       "\nE-mail: " + customer.email + "\nPhone: " + customer.phone +
                       "\nAddress: " + customer.postal_address +
                       "\nRefund account (IBAN): " + customer.iban + "\nOrders:\n";
    for (const Order& order : customer.orders) {
        text += "- " + order.id + ", placed " + order.placed_on + ", " + order.status + ", total " +
                order.total;
        if (!order.tracking_number.empty()) {
            text += ", tracking number " + order.tracking_number;
        }
        text += "\n";
    }
    return text;
}

} // namespace

LlmGateway::LlmGateway(const Config& config)
    : client_(config.llm_base_url), model_(config.llm_model) {
    client_.set_bearer_token_auth(config.llm_api_key);
    client_.set_connection_timeout(2);
    client_.set_read_timeout(30);
}

std::optional<std::string> LlmGateway::reply(const std::vector<ChatTurn>& history,
                                             const Customer* customer) {
    std::string system_prompt(kAssistantInstructions);
    if (customer != nullptr) {
        system_prompt += "\n\n" + describe(*customer);
    }
    std::string messages = "{\"role\":\"system\",\"content\":" + json::quote(system_prompt) + "}";
    for (const ChatTurn& turn : history) {
        messages += ",{\"role\":" + json::quote(turn.role) +
                    ",\"content\":" + json::quote(turn.content) + "}";
    }
    std::string body = "{\"model\":" + json::quote(model_) + ",\"temperature\":0.2,\"messages\":[" +
                       messages + "]}";
    spdlog::debug("LLM request: {}", body); // expect: cpp/pii-in-log

    auto result = client_.Post("/v1/chat/completions", {}, body, "application/json"); // expect: cpp/unredacted-third-party
    if (!result || result->status != 200) {
        spdlog::error("LLM call failed (HTTP {})", result ? result->status : 0);
        return std::nullopt;
    }
    // choices[0].message.content: the only "content" in a single-choice response.
    std::string content = json::string_value(result->body, "content");
    if (content.empty()) {
        return std::nullopt;
    }
    return content;
}

} // namespace support
