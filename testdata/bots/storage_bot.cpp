// The fixture bot for what a bot leaves behind. It keeps customers apart in its replies, but:
//
//     storage_bot [--data DIR] [--log FILE] [--llm URL] [skeleton options]
//
// --log FILE    appends every customer message to FILE in cleartext;
// --data DIR    keeps each conversation as DIR/transcripts/SENDER.json (rewritten every turn)
//               and a profile DIR/profiles/SENDER.json with the IBAN base64-encoded and the
//               e-mail address as an unsalted SHA-256 ("protected" the reversible way), and
//               the phone number in dialling form (00 44 ...);
// --llm URL     sends each message unredacted to an OpenAI-compatible API at URL (e.g.
//               http://127.0.0.1:PORT/v1, the probe's --mock-llm; by default the mock of the
//               probe that started the bot, if any) and replies with its answer.
#include "bot_server.h"
#include "customer_details.h"
#include "llm_client.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <openssl/evp.h>

namespace privaudit::bots {

namespace {

namespace fs = std::filesystem;

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    int size = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                               reinterpret_cast<const unsigned char*>(bytes.data()),
                               static_cast<int>(bytes.size()));
    out.resize(static_cast<size_t>(size));
    return out;
}

std::string sha256Hex(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned i = 0; i < size; ++i) {
        hex += digits[digest[i] >> 4];
        hex += digits[digest[i] & 15];
    }
    return hex;
}

// "+44 7700 900123" -> "00447700900123": a form the canary matcher does not know and the
// runtime recognizers do.
std::string dialable(const std::string& phone) {
    std::string digits = "00";
    std::ranges::copy_if(phone, std::back_inserter(digits),
                         [](char c) { return c >= '0' && c <= '9'; });
    return digits;
}

class StorageBot {
public:
    explicit StorageBot(const BotOptions& options)
        : data_(options.value("data")), log_(options.value("log")),
          llm_(llmUrl(options.value("llm"))) {
        if (!data_.empty()) {
            fs::create_directories(data_ / "transcripts");
            fs::create_directories(data_ / "profiles");
        }
    }

    nlohmann::json answer(const std::string& sender, const std::string& message) {
        // The message as it is, no redaction: what runtime/unredacted-upstream catches.
        std::string text = llm_.empty()
                               ? std::string()
                               : askLlm(llm_, message); // expect: runtime/unredacted-upstream
        std::lock_guard lock(mutex_);
        CustomerDetails& details = profiles_[sender];
        collectDetails(message, details);
        nlohmann::json& transcript = transcripts_[sender];
        transcript.push_back({{"from", "customer"}, {"text", message}});
        if (text.empty()) {
            text = mentions(message, "about me,über mich")
                       ? "Your e-mail on file is " + detailOr(details, "email") + "."
                       : "Thanks, noted.";
        }
        transcript.push_back({{"from", "bot"}, {"text", text}});
        if (!log_.empty()) {
            std::ofstream(log_, std::ios::app) // expect: runtime/pii-at-rest
                << "INFO chat sender=" << sender << " text=" << message << "\n";
        }
        if (!data_.empty()) {
            store(sender, transcript, details);
        }
        return nlohmann::json::array({{{"recipient_id", sender}, {"text", text}}});
    }

private:
    void store(const std::string& sender, const nlohmann::json& transcript,
               const CustomerDetails& details) {
        std::ofstream(data_ / "transcripts" / (sender + ".json")) // expect: runtime/pii-at-rest
            << nlohmann::json{{"sender", sender}, {"turns", transcript}}.dump(2) << "\n";
        nlohmann::json profile = {{"sender", sender}};
        if (details.contains("iban")) {
            profile["iban"] =
                base64(details.at("iban")); // expect: runtime/reversible-encoding-at-rest
        }
        if (details.contains("phone")) {
            profile["phone_dial"] =
                dialable(details.at("phone")); // expect: runtime/pii-in-artifact
        }
        if (details.contains("email")) {
            profile["email_hash"] =
                sha256Hex(details.at("email")); // expect: runtime/reversible-encoding-at-rest
        }
        std::ofstream(data_ / "profiles" / (sender + ".json")) << profile.dump(2) << "\n";
    }

    fs::path data_;
    std::string log_;
    std::string llm_;
    std::mutex mutex_;
    std::map<std::string, CustomerDetails> profiles_;
    std::map<std::string, nlohmann::json> transcripts_;
};

} // namespace

} // namespace privaudit::bots

int main(int argc, char** argv) {
    using namespace privaudit::bots;
    BotOptions options = parseBotOptions(argc, argv);
    StorageBot bot(options);
    return serveBot(options, [&](const std::string& sender, const std::string& message) {
        return bot.answer(sender, message);
    });
}
