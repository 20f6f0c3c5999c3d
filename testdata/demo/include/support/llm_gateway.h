// Talks to the language model through the LiteLLM proxy's OpenAI-compatible API.
#pragma once

#include "support/config.h"
#include "support/customer.h"
#include "support/http.h"

#include <optional>
#include <string>
#include <vector>

namespace support {

struct ChatTurn {
    std::string role; // "user" or "assistant"
    std::string content;
};

class LlmGateway {
public:
    explicit LlmGateway(const Config& config);

    // The assistant's next message, grounded in the customer's record when one is known.
    std::optional<std::string> reply(const std::vector<ChatTurn>& history,
                                     const Customer* customer);

private:
    httplib::Client client_;
    std::string model_;
};

} // namespace support
