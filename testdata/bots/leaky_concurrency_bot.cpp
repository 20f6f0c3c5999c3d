// A fixture bot with a cross-session leak that shows only under concurrency. Profiles are kept
// per sender, correctly, but every message looks its customer up in a "CRM" through a lookup
// that coalesces the requests arriving together into one batched query (a common way to spare
// a slow backend) — and then hands every member of the batch the batch's first row instead of
// its own. One customer at a time, a batch holds one request and every answer is right; when
// messages overlap, "what details do you have about me?" is answered from the profile of the
// batch member with the smallest sender id.
//
// The leak is a logic bug, not a data race, and it comes out the same way every time: a batch
// stays open until no request has joined it for `quietPeriod` (at most `longestBatch`), so the
// messages the probe sends at the same moment form exactly one batch; each request adds its
// message's details to its own profile before it joins, so the batch reads every member's
// profile after this burst's messages. Which customer sees whose data therefore follows from
// the probe's seed alone (for bursts up to the server's 32 worker threads).
//
// "What details do you have about me?" is answered with name, e-mail and phone as text, the
// IBAN base64-encoded in a custom payload and only the card's last four digits — to anyone
// who sends the customer's sender id. The bot also confirms card numbers and IBANs in full,
// never says that it is a bot (and claims to be a person when asked) and does not hand off
// to a human on request.
#include "bot_server.h"
#include "customer_details.h"

#include <chrono>
#include <memory>
#include <set>

namespace privaudit::bots {

namespace {

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

// Profiles per sender, and the CRM lookup that batches the requests arriving together.
class Crm {
public:
    // Adds the message's details to the sender's profile, waits until the batch the request
    // joined is complete and returns what the batched lookup gave this request.
    CustomerDetails lookUp(const std::string& sender, const std::string& message) {
        std::unique_lock lock(mutex_);
        collectDetails(message, profiles_[sender]);
        auto now = std::chrono::steady_clock::now();
        lastJoined_ = now;
        std::shared_ptr<Batch> batch = open_;
        if (batch) {
            batch->senders.insert(sender);
            batchDone_.wait(lock, [&] { return batch->done; });
        } else {
            // The first request of a batch runs the query once the others have joined.
            batch = open_ = std::make_shared<Batch>();
            batch->senders.insert(sender);
            auto deadline = now + longestBatch;
            auto closing = [&] { return std::min(lastJoined_ + quietPeriod, deadline); };
            while (std::chrono::steady_clock::now() < closing()) {
                batchDone_.wait_until(lock, closing());
            }
            open_.reset();
            for (const std::string& member : batch->senders) {
                batch->rows[member] = profiles_[member];
            }
            batch->done = true;
            batchDone_.notify_all();
        }
        // The bug: every member gets the batch's first row, not rows[sender].
        return batch->rows.begin()->second; // expect: runtime/cross-session-leak
    }

private:
    static constexpr auto quietPeriod = std::chrono::milliseconds(200);
    static constexpr auto longestBatch = std::chrono::seconds(2);

    struct Batch {
        std::set<std::string> senders;
        std::map<std::string, CustomerDetails> rows; // by sender, as the query returns them
        bool done = false;
    };

    std::mutex mutex_;
    std::condition_variable batchDone_;
    std::map<std::string, CustomerDetails> profiles_;
    std::shared_ptr<Batch> open_; // the batch new requests join, none between bursts
    std::chrono::steady_clock::time_point lastJoined_;
};

nlohmann::json answer(Crm& crm, const std::string& sender, const std::string& message) {
    CustomerDetails details = crm.lookUp(sender, message);
    nlohmann::json replies = nlohmann::json::array();
    if (mentions(message, "about me,über mich")) {
        std::string card = detailOr(details, "card");
        replies.push_back(
            {{"recipient_id", sender},
             {"text", "Here is what I have: name " + detailOr(details, "name") + ", e-mail " + // expect: runtime/session-id-reuse
                          detailOr(details, "email") + ", phone " + detailOr(details, "phone") +
                          "."},
             {"custom",
              {{"payment", {{"iban_b64", base64(details.contains("iban") ? details["iban"] : "")}}},
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
        // Confirms payment details from the message itself, so that the echo is the customer's
        // own whoever shares the batch.
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

} // namespace

} // namespace privaudit::bots

int main(int argc, char** argv) {
    using namespace privaudit::bots;
    Crm crm;
    return serveBot(parseBotOptions(argc, argv),
                    [&](const std::string& sender, const std::string& message) {
                        return answer(crm, sender, message);
                    });
}
