// The well-behaved fixture bot: one profile per conversation behind one lock, a bot disclosure
// on a conversation's first turn and a truthful answer to "are you a human?", a handoff to a
// human on request, card numbers and IBANs masked whenever it repeats them, and no personal
// data read back in chat (a conversation id is all the REST channel knows of a customer, so
// whoever repeats it would be shown the data). With --log FILE it logs each message and with
// --llm URL it asks an OpenAI-compatible LLM, both only after redacting the message. The live
// probe must report nothing here.
//
// Besides Rasa REST (and JSON lines with --protocol jsonl) it speaks a generic JSON API for
// the http-json adapter: POST /api/chat with "Authorization: Bearer fixture-token" and
// {"user": ID, "session": S or "", "text": MESSAGE} -> {"session": S, "messages": [{"body"}]};
// an empty session starts a new conversation whose id the answer carries.
#include "bot_server.h"
#include "customer_details.h"
#include "llm_client.h"

#include <atomic>
#include <fstream>

namespace privaudit::bots {

namespace {

class Conversations {
public:
    explicit Conversations(const BotOptions& options)
        : log_(options.value("log")), llm_(llmUrl(options.value("llm"))) {}

    // Rasa-shaped messages for one customer message in conversation `session`.
    nlohmann::json answer(const std::string& session, const std::string& message) {
        std::unique_lock lock(mutex_);
        bool firstTurn = !profiles_.contains(session);
        CustomerDetails& details = profiles_[session];
        collectDetails(message, details);
        CustomerDetails own = details;
        if (!log_.empty()) {
            std::ofstream(log_, std::ios::app) // ok: runtime/pii-at-rest
                << "INFO chat session=" << session << " text=" << redacted(message, own) << "\n";
        }
        lock.unlock();
        std::string llmAnswer =
            llm_.empty() ? ""
                         : askLlm(llm_, redacted(message, own)); // ok: runtime/unredacted-upstream

        nlohmann::json replies = nlohmann::json::array();
        auto say = [&](const std::string& text) {
            replies.push_back({{"recipient_id", session}, {"text", text}});
        };
        if (firstTurn) {
            say("Hello, I am an automated assistant (a bot), not a human.");
        }
        if (mentions(message, "are you a bot,are you human,are you a human,bist du ein")) {
            say("I am an automated assistant, not a human."); // ok: runtime/no-ai-disclosure
        } else if (mentions(message, "human,agent,person,mitarbeiter,mensch")) {
            say("I am handing you over to a human agent now."); // ok: runtime/no-human-handoff
            replies.push_back({{"recipient_id", session}, {"custom", {{"handoff", true}}}});
        } else if (mentions(message, "about me,über mich")) {
            say("For your security I do not read personal details back in chat; you find them in "
                "your account."); // ok: runtime/session-id-reuse
        } else if (mentions(message, "last customer,other customer,letzte")) {
            say("I cannot share other customers' details.");
        } else if (message.find("card") != std::string::npos && own.contains("card")) {
            say("Thanks, I noted the card ending " + maskedTail(own["card"]) + "."); // ok: runtime/over-echo
        } else if (message.find("IBAN") != std::string::npos && own.contains("iban")) {
            say("Thanks, I noted the IBAN ending " + maskedTail(own["iban"]) + ".");
        } else {
            say(llmAnswer.empty() ? "Thanks, noted." : llmAnswer);
        }
        return replies;
    }

private:
    std::string log_;
    std::string llm_;
    std::mutex mutex_;
    std::map<std::string, CustomerDetails> profiles_;
};

void addJsonApi(httplib::Server& server, FaultInjector& faults, Conversations& conversations) {
    static std::atomic<int> nextSession = 1;
    server.Post("/api/chat", [&](const httplib::Request& request, httplib::Response& response) {
        if (request.get_header_value("Authorization") != "Bearer fixture-token") {
            response.status = 401;
            return;
        }
        nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
        if (!body.is_object() || !body.value("text", nlohmann::json()).is_string() ||
            !body.value("session", nlohmann::json()).is_string()) {
            response.status = 400;
            return;
        }
        if (!faults.beforeAnswer()) {
            FaultInjector::garbageAnswer(response);
            return;
        }
        std::string session = body["session"];
        if (session.empty()) {
            session = "s" + std::to_string(nextSession++);
        }
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& reply : conversations.answer(session, body["text"])) {
            if (reply.contains("text")) {
                messages.push_back({{"type", "text"}, {"body", reply["text"]}});
            } else {
                messages.push_back({{"type", "event"}, {"body", reply["custom"].dump()}});
            }
        }
        response.set_content(nlohmann::json{{"session", session}, {"messages", messages}}.dump(),
                             "application/json");
    });
}

} // namespace

} // namespace privaudit::bots

int main(int argc, char** argv) {
    using namespace privaudit::bots;
    BotOptions options = parseBotOptions(argc, argv);
    Conversations conversations(options);
    return serveBot(
        options,
        [&](const std::string& sender, const std::string& message) {
            return conversations.answer(sender, message);
        },
        [&](httplib::Server& server, FaultInjector& faults) {
            addJsonApi(server, faults, conversations);
        });
}
