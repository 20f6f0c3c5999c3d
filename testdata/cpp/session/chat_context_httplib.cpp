// Conversation state of the support bot's chat endpoints on cpp-httplib.
#include "../access/support_backend.h"

#include <httplib.h>
#include <mutex>
#include <string>
#include <unordered_map>

namespace {

std::string lastOrderSummary; // one value, whoever asked last
std::mutex contextMutex;
std::unordered_map<std::string, std::string> contextByCustomerName;
std::unordered_map<std::string, std::string> contextBySession; // guarded by contextMutex
std::unordered_map<std::string, std::string> draftsByConversation;
thread_local std::string turnScratch; // the server runs handlers on a worker pool

} // namespace

void registerChatRoutes(httplib::Server& server, const OrderRepository& orders,
                        const SessionStore& sessions) {
    server.Post("/chat/order-status", [&](const httplib::Request& req, httplib::Response& res) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        lastOrderSummary = toJson(orders.findByCustomer(session.customerId));
        res.set_content(lastOrderSummary, "application/json"); // expect: cpp/cross-session-data
    });

    server.Get("/chat/last-order", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(lastOrderSummary, "application/json"); // expect: cpp/cross-session-data
    });

    // Locked, but two customers with the same name share an entry.
    server.Post("/chat/remember", [&](const httplib::Request& req, httplib::Response& res) {
        std::string customerName = req.get_param_value("name");
        std::lock_guard<std::mutex> lock(contextMutex);
        contextByCustomerName[customerName] = req.body;
        res.set_content(contextByCustomerName[customerName], "text/plain"); // expect: cpp/cross-session-data
    });

    // The safe pattern: keyed by the authenticated session, under a lock.
    server.Post("/chat/context", [&](const httplib::Request& req, httplib::Response& res) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        std::lock_guard<std::mutex> lock(contextMutex);
        contextBySession[session.token] = req.body;
        res.set_content(contextBySession[session.token], "text/plain"); // ok: cpp/cross-session-data
    });

    // Keyed by conversation, but requests run concurrently and nothing locks the map.
    server.Post("/chat/draft", [&](const httplib::Request& req, httplib::Response& res) {
        std::string conversationId = req.get_header_value("X-Conversation-Id");
        draftsByConversation[conversationId] = req.body;
        res.set_content(draftsByConversation[conversationId], "text/plain"); // expect: cpp/cross-session-data
    });
}

// The worker thread keeps the previous request's turn in its scratch buffer.
void handleTurn(const httplib::Request& req, httplib::Response& res) {
    turnScratch += req.body;
    res.set_content(turnScratch, "text/plain"); // expect: cpp/cross-session-data
}

// Reset per request: nothing of an earlier request is left.
void handleTurnFresh(const httplib::Request& req, httplib::Response& res) {
    turnScratch.clear();
    turnScratch += req.body;
    res.set_content(turnScratch, "text/plain"); // ok: cpp/cross-session-data
}

class HandoffServer {
public:
    void registerRoutes(httplib::Server& server) {
        server.Post("/bot/handoff", [this](const httplib::Request& req, httplib::Response& res) {
            pendingCallbackEmail_ = req.get_param_value("email");
            res.set_content("An agent will write to " + pendingCallbackEmail_, "text/plain"); // expect: cpp/cross-session-data
        });
        server.Post("/bot/ping", [this](const httplib::Request&, httplib::Response& res) {
            ++pings_;
            res.set_content("pong " + std::to_string(pings_), "text/plain"); // ok: cpp/cross-session-data
        });
    }

private:
    std::string pendingCallbackEmail_;
    long pings_ = 0;
};

// A process-wide singleton is shared state like any global.
class BotMemory {
public:
    static BotMemory& instance();
    std::string lastComplaint;
};

void registerComplaintRoutes(httplib::Server& server) {
    server.Post("/bot/complaint", [](const httplib::Request& req, httplib::Response& res) {
        BotMemory::instance().lastComplaint = req.body;
        res.status = 202;
    });
    server.Get("/bot/complaint/echo", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(BotMemory::instance().lastComplaint, "text/plain"); // expect: cpp/cross-session-data
    });
}
