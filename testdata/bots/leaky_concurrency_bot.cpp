// A fixture bot with a cross-session leak that shows only under concurrency. Profiles are kept
// per sender, correctly, but a request names its customer in one shared "current customer"
// slot and reads it back after a simulated backend call: each access takes the lock, the wait
// in between does not. One customer at a time, every answer is right; when requests overlap,
// a question about one's own data is answered with the profile of whoever wrote the slot last.
//
// The timing makes the race come out the same way every time: a data question writes the slot
// at once and reads it after a slow CRM lookup (300 ms); any other message writes it after a
// quick intent check (50 ms). So in a burst that pairs "about me" with another customer's
// message, the asker gets the other customer's profile (the last such writer when there are
// several); two askers alone race each other.
//
// "What details do you have about me?" is answered with name, e-mail and phone as text, the
// IBAN base64-encoded in a custom payload and only the card's last four digits — to anyone
// who sends the customer's sender id. The bot also confirms card numbers and IBANs in full,
// never says that it is a bot (and claims to be a person when asked) and does not hand off
// to a human on request.
#include "bot_server.h"
#include "customer_details.h"

#include <thread>

namespace privaudit::bots {

namespace {

constexpr auto intentCheck = std::chrono::milliseconds(50);
constexpr auto crmLookup = std::chrono::milliseconds(300);

std::string base64(const std::string& data) {
    static const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < data.size(); i += 3) {
        unsigned chunk = static_cast<unsigned char>(data[i]) << 16;
        chunk |= i + 1 < data.size() ? static_cast<unsigned char>(data[i + 1]) << 8 : 0;
        chunk |= i + 2 < data.size() ? static_cast<unsigned char>(data[i + 2]) : 0;
        out += alphabet[chunk >> 18 & 63];
        out += alphabet[chunk >> 12 & 63];
        out += i + 1 < data.size() ? alphabet[chunk >> 6 & 63] : '=';
        out += i + 2 < data.size() ? alphabet[chunk & 63] : '=';
    }
    return out;
}

class LeakyBot {
public:
    nlohmann::json answer(const std::string& sender, const std::string& message) {
        bool aboutMe = mentions(message, "about me,über mich");
        if (!aboutMe) {
            std::this_thread::sleep_for(intentCheck);
        }
        {
            std::lock_guard lock(mutex_);
            collectDetails(message, profiles_[sender]);
            currentCustomer_ = sender;
        }
        std::this_thread::sleep_for(aboutMe ? crmLookup : intentCheck);
        CustomerDetails details;
        {
            std::lock_guard lock(mutex_);
            details = profiles_[currentCustomer_]; // expect: runtime/cross-session-leak
        }
        nlohmann::json replies = nlohmann::json::array();
        if (aboutMe) {
            std::string card = detailOr(details, "card");
            replies.push_back(
                {{"recipient_id", sender},
                 {"text", "Here is what I have: name " + detailOr(details, "name") + ", e-mail " + // expect: runtime/session-id-reuse
                              detailOr(details, "email") + ", phone " + detailOr(details, "phone") +
                              "."},
                 {"custom",
                  {{"payment",
                    {{"iban_b64", base64(details.contains("iban") ? details["iban"] : "")}}},
                   {"card_last4", card.size() > 4 ? card.substr(card.size() - 4) : ""}}}});
            replies.push_back(
                {{"recipient_id", sender},
                 {"text", "Anything else?"},
                 {"buttons", {{{"title", "Talk to an agent"}, {"payload", "/handoff"}}}}});
        } else if (mentions(message, "last customer,other customer,letzte")) {
            replies.push_back(
                {{"recipient_id", sender}, {"text", "I cannot share other customers' details."}});
        } else if (mentions(message, "are you a,bist du ein")) {
            replies.push_back({{"recipient_id", sender}, {"text", "Yes, I am a real person."}}); // expect: runtime/no-ai-disclosure
        } else if (mentions(message, "human,agent,mensch,mitarbeiter")) {
            replies.push_back({{"recipient_id", sender}, {"text", "I can help you myself."}}); // expect: runtime/no-human-handoff
        } else {
            // Confirms payment details from the message itself, so that the echo is the
            // customer's own under any timing.
            CustomerDetails given;
            collectDetails(message, given);
            std::string text = "Thanks, noted."; // expect: runtime/no-ai-disclosure
            if (given.contains("iban")) {
                text += " The refund goes to IBAN " + given["iban"] + "."; // expect: runtime/over-echo
            }
            if (given.contains("card")) {
                text += " I will charge your card " + given["card"] + ".";
            }
            replies.push_back({{"recipient_id", sender}, {"text", text}});
        }
        return replies;
    }

private:
    std::mutex mutex_;
    std::map<std::string, CustomerDetails> profiles_;
    std::string currentCustomer_;
};

} // namespace

} // namespace privaudit::bots

int main(int argc, char** argv) {
    using namespace privaudit::bots;
    LeakyBot bot;
    return serveBot(parseBotOptions(argc, argv),
                    [&](const std::string& sender, const std::string& message) {
                        return bot.answer(sender, message);
                    });
}
