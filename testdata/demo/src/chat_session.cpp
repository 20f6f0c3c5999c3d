#include "support/chat_session.h"

#include "support/log.h"

namespace support {

namespace {

std::string slot(const ActionCall& call, const std::string& name) {
    auto it = call.slots.find(name);
    return it == call.slots.end() ? std::string() : it->second;
}

std::string first_name(const std::string& full_name) {
    return full_name.substr(0, full_name.find(' '));
}

} // namespace

std::shared_ptr<ChatSession> SessionRegistry::get(const std::string& sender_id) {
    std::lock_guard lock(mutex_);
    std::shared_ptr<ChatSession>& session = sessions_[sender_id];
    if (!session) {
        session = std::make_shared<ChatSession>();
        session->sender_id = sender_id;
    }
    return session;
}

void SessionRegistry::expire_idle(std::chrono::minutes idle) {
    auto cutoff = std::chrono::steady_clock::now() - idle;
    std::lock_guard lock(mutex_);
    std::erase_if(sessions_, [&](const auto& entry) {
        std::lock_guard session_lock(entry.second->mutex);
        return entry.second->last_activity < cutoff;
    });
}

SupportAssistant::SupportAssistant(CrmClient& crm, LlmGateway& llm, TranscriptStore& transcripts,
                                   SessionRegistry& sessions)
    : crm_(crm), llm_(llm), transcripts_(transcripts), sessions_(sessions) {}

ActionResult SupportAssistant::run(const ActionCall& call) {
    std::shared_ptr<ChatSession> session = sessions_.get(call.sender_id);
    std::lock_guard lock(session->mutex);
    session->last_activity = std::chrono::steady_clock::now();

    // Rasa may run several actions for one message; record the message once.
    if (!call.latest_message.empty() &&
        (session->history.empty() || session->history.back().content != call.latest_message)) {
        session->history.push_back({"user", call.latest_message});
        transcripts_.append(call.sender_id, "user", call.latest_message);
    }

    ActionResult result;
    if (call.action == "action_identify_customer") {
        result = identify_customer(*session, call);
    } else if (call.action == "action_order_status") {
        result = order_status(*session, call);
    } else if (call.action == "action_answer_question") {
        result = answer_question(*session, call);
    } else if (call.action == "action_hand_off") {
        result = hand_off(*session);
    } else {
        spdlog::warn("Rasa called unknown action {}", call.action);
        return result;
    }

    for (const std::string& message : result.messages) {
        session->history.push_back({"assistant", message});
        transcripts_.append(call.sender_id, "bot", message);
    }
    return result;
}

ActionResult SupportAssistant::identify_customer(ChatSession& session, const ActionCall& call) {
    ActionResult result;
    std::string number = slot(call, "customer_number");
    std::optional<Customer> customer = number.empty() ? std::nullopt : crm_.find_customer(number);
    if (!customer) {
        result.messages.push_back("I could not find an account with these details. Could you "
                                  "check your customer number?");
        return result;
    }

    spdlog::info("Session {} is customer {} ({})", session.sender_id, customer->id, // expect: cpp/pii-in-log
                 customer->email);
    transcripts_.attach_customer(session.sender_id, *customer);
    result.slot_updates["customer_name"] = customer->full_name;
    result.messages.push_back("Thanks, " + first_name(customer->full_name) +
                              ". How can I help you today?");
    session.customer = std::move(customer);
    return result;
}

ActionResult SupportAssistant::order_status(ChatSession& session, const ActionCall& call) {
    ActionResult result;
    if (!session.customer || session.customer->orders.empty()) {
        result.messages.push_back("I could not find any orders on your account yet.");
        return result;
    }
    std::string wanted = slot(call, "order_id");
    const Order* order = &session.customer->orders.front(); // the most recent one
    for (const Order& candidate : session.customer->orders) {
        if (candidate.id == wanted) {
            order = &candidate;
        }
    }
    std::string text =
        "Order " + order->id + " from " + order->placed_on + " is " + order->status + ".";
    if (!order->tracking_number.empty()) {
        text += " The tracking number is " + order->tracking_number + ".";
    }
    result.messages.push_back(text);
    return result;
}

ActionResult SupportAssistant::answer_question(ChatSession& session, const ActionCall& call) {
    const Customer* customer = session.customer ? &*session.customer : nullptr;
    std::optional<std::string> answer = llm_.reply(session.history, customer);
    if (!answer) {
        spdlog::warn("No LLM answer for session {}: \"{}\"", session.sender_id,
                     call.latest_message);
        return hand_off(session);
    }
    ActionResult result;
    result.messages.push_back(*answer);
    return result;
}

ActionResult SupportAssistant::hand_off(ChatSession& session) {
    transcripts_.append(session.sender_id, "handoff", "waiting for an agent");

    ActionResult result;
    result.messages.push_back("I am passing you to one of our support agents now. They can see "
                              "our conversation so far.");
    result.handoff = true;
    return result;
}

} // namespace support
