// The fixture bot for what a bot leaves behind (files, logs, upstream LLM requests). So far
// it keeps customers apart in its replies like the good bot, without a bot disclosure; what it
// stores and sends upstream is for the observers' rules to catch.
#include "bot_server.h"
#include "customer_details.h"

namespace privaudit::bots {

namespace {

class StorageBot {
public:
    nlohmann::json answer(const std::string& sender, const std::string& message) {
        std::lock_guard lock(mutex_);
        CustomerDetails& details = profiles_[sender];
        collectDetails(message, details);
        std::string text = mentions(message, "about me,über mich")
                               ? "Your e-mail on file is " + detailOr(details, "email") + "."
                               : "Thanks, noted.";
        return nlohmann::json::array({{{"recipient_id", sender}, {"text", text}}});
    }

private:
    std::mutex mutex_;
    std::map<std::string, CustomerDetails> profiles_;
};

} // namespace

} // namespace privaudit::bots

int main(int argc, char** argv) {
    using namespace privaudit::bots;
    StorageBot bot;
    return serveBot(parseBotOptions(argc, argv),
                    [&](const std::string& sender, const std::string& message) {
                        return bot.answer(sender, message);
                    });
}
