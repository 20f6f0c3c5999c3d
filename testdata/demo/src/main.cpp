// support-backend: the Rasa action server of the Northwind Outfitters support assistant, and
// the small API the agent desk uses when a conversation is handed over to a human.
#include "support/chat_session.h"
#include "support/config.h"
#include "support/conversation_cache.h"
#include "support/crm_client.h"
#include "support/http.h"
#include "support/json.h"
#include "support/llm_gateway.h"
#include "support/log.h"
#include "support/payments.h"
#include "support/transcript_store.h"

#include <exception>
#include <thread>

using namespace support;

namespace {

// The customer number of the latest hand-over, for the widget's "an agent is on the way" banner.
std::string latest_handoff_customer;

// https://rasa.com/docs/rasa/pages/action-server-api: the tracker carries the slots and the
// latest user message.
ActionCall parse_action_call(const std::string& body) {
    ActionCall call;
    call.action = json::string_value(body, "next_action");
    call.sender_id = json::string_value(body, "sender_id");
    std::string_view tracker = json::raw_value(body, "tracker");
    call.latest_message = json::string_value(json::raw_value(tracker, "latest_message"), "text");
    std::string_view slots = json::raw_value(tracker, "slots");
    for (const char* name : {"customer_number", "order_id"}) {
        if (std::string value = json::string_value(slots, name); !value.empty()) {
            call.slots[name] = value;
        }
    }
    return call;
}

std::string action_response(const ActionResult& result) {
    std::string events;
    for (const auto& [name, value] : result.slot_updates) {
        events += std::string(events.empty() ? "" : ",") +
                  "{\"event\":\"slot\",\"name\":" + json::quote(name) +
                  ",\"value\":" + json::quote(value) + "}";
    }
    if (result.handoff) {
        events += std::string(events.empty() ? "" : ",") +
                  "{\"event\":\"slot\",\"name\":\"handoff_requested\",\"value\":true}";
    }
    std::string responses;
    for (const std::string& message : result.messages) {
        responses +=
            std::string(responses.empty() ? "" : ",") + "{\"text\":" + json::quote(message) + "}";
    }
    return "{\"events\":[" + events + "],\"responses\":[" + responses + "]}";
}

std::string order_json(const Order& order) {
    return "{\"id\":" + json::quote(order.id) + ",\"status\":" + json::quote(order.status) +
           ",\"placed_on\":" + json::quote(order.placed_on) +
           ",\"total\":" + json::quote(order.total) + "}";
}

int serve(const Config& config) {
    CrmClient crm(config);
    LlmGateway llm(config);
    TranscriptStore transcripts(config.transcript_dir, config.transcript_index_key);
    PaymentService payments(config, crm);
    SessionRegistry sessions;
    SupportAssistant assistant(crm, llm, transcripts, sessions);
    ConversationCache conversations(config);

    std::jthread janitor([&](std::stop_token stop) {
        while (!stop.stop_requested()) {
            std::this_thread::sleep_for(std::chrono::minutes(1));
            sessions.expire_idle(config.session_idle_timeout);
        }
    });

    httplib::Server server;
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        spdlog::info("{} {} -> {}", req.method, req.path, res.status);
    });

    // Rasa's action endpoint (bot/endpoints.yml) sends its token as a query parameter.
    server.Post("/webhook", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.get_param_value("token") != config.action_token) { // ok: cpp/hardcoded-secret
            res.status = 401;
            return;
        }
        ActionCall call = parse_action_call(req.body);
        conversations.remember(call.sender_id, call.latest_message);
        ActionResult result = assistant.run(call);
        if (result.handoff) {
            latest_handoff_customer = call.slots["customer_number"];
        }
        res.set_content(action_response(result), "application/json");
    });

    server.Get("/api/handoff/banner", [&](const httplib::Request&, httplib::Response& res) {
        std::string text = "An agent is joining for customer " + latest_handoff_customer; // expect: cpp/cross-session-data
        res.set_content("{\"text\":" + json::quote(text) + "}", "application/json");
    });

    // The chat widget's card form, for orders awaiting payment.
    server.Post("/api/payments/card", [&](const httplib::Request& req, httplib::Response& res) {
        PaymentResult result = payments.pay_by_card(req.body);
        res.status = result.paid ? 200 : 402;
        res.set_content("{\"paid\":" + std::string(result.paid ? "true" : "false") +
                            ",\"message\":" + json::quote(result.message) + "}",
                        "application/json");
    });

    // The agent desk shows the customer's orders next to a conversation it takes over.
    server.Get(R"(/api/customers/([A-Za-z0-9-]+)/orders)",
               [&](const httplib::Request& req, httplib::Response& res) {
                   std::optional<Customer> customer = crm.find_customer(req.matches[1].str()); // expect: cpp/missing-access-check
                   if (!customer) {
                       res.status = 404;
                       return;
                   }
                   std::string orders;
                   for (const Order& order : customer->orders) {
                       orders += (orders.empty() ? "" : ",") + order_json(order);
                   }
                   res.set_content("{\"customer\":" + json::quote(customer->full_name) +
                                       ",\"orders\":[" + orders + "]}",
                                   "application/json");
               });

    server.Get(R"(/api/transcripts/([A-Za-z0-9_-]+))",
               [&](const httplib::Request& req, httplib::Response& res) {
                   std::optional<std::string> transcript = transcripts.load(req.matches[1].str());
                   if (!transcript) {
                       res.status = 404;
                       return;
                   }
                   res.set_content(*transcript, "text/plain; charset=utf-8");
               });

    spdlog::info("support-backend listening on {}:{}", config.listen_host, config.listen_port);
    return server.listen(config.listen_host, config.listen_port) ? 0 : 1;
}

} // namespace

int main() {
    try {
        Config config = load_config();
        spdlog::set_level(config.debug ? spdlog::level::debug : spdlog::level::info);
        return serve(config);
    } catch (const std::exception& error) {
        spdlog::error("support-backend: {}", error.what());
        return 1;
    }
}
