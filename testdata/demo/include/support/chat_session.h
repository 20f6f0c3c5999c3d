// Conversation state and the custom actions Rasa calls through the action endpoint.
#pragma once

#include "support/crm_client.h"
#include "support/customer.h"
#include "support/llm_gateway.h"
#include "support/transcript_store.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace support {

struct ChatSession {
    std::mutex mutex; // held while an action runs for this conversation
    std::string sender_id;
    std::optional<Customer> customer;
    std::vector<ChatTurn> history;
    std::chrono::steady_clock::time_point last_activity;
};

class SessionRegistry {
public:
    // The session of this Rasa sender id, created on first use.
    std::shared_ptr<ChatSession> get(const std::string& sender_id);
    void expire_idle(std::chrono::minutes idle);

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<ChatSession>> sessions_;
};

// One call of a custom action, as parsed from Rasa's action server request.
struct ActionCall {
    std::string action;
    std::string sender_id;
    std::string latest_message;
    std::map<std::string, std::string> slots;
};

struct ActionResult {
    std::vector<std::string> messages;
    std::map<std::string, std::string> slot_updates;
    bool handoff = false;
};

class SupportAssistant {
public:
    SupportAssistant(CrmClient& crm, LlmGateway& llm, TranscriptStore& transcripts,
                     SessionRegistry& sessions);

    ActionResult run(const ActionCall& call);

private:
    ActionResult identify_customer(ChatSession& session, const ActionCall& call);
    ActionResult order_status(ChatSession& session, const ActionCall& call);
    ActionResult answer_question(ChatSession& session, const ActionCall& call);
    ActionResult hand_off(ChatSession& session);

    CrmClient& crm_;
    LlmGateway& llm_;
    TranscriptStore& transcripts_;
    SessionRegistry& sessions_;
};

} // namespace support
