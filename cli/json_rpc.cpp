#include "cli/json_rpc.h"

#include <cctype>
#include <charconv>
#include <istream>
#include <ostream>
#include <string>

namespace privaudit::cli {

namespace {

// More than any file an editor sends whole; a frame that claims more is taken as broken rather
// than allocated.
constexpr std::size_t maxMessage = std::size_t{64} << 20;

} // namespace

std::optional<nlohmann::json> readRpcMessage(std::istream& in) {
    std::size_t length = 0;
    bool sawLength = false;
    for (std::string header; std::getline(in, header);) {
        if (!header.empty() && header.back() == '\r') {
            header.pop_back();
        }
        if (header.empty()) {
            if (!sawLength) {
                continue; // stray blank line between messages
            }
            std::string body(length, '\0');
            if (!in.read(body.data(), static_cast<std::streamsize>(length))) {
                return std::nullopt;
            }
            nlohmann::json message = nlohmann::json::parse(body, nullptr, false);
            return message.is_discarded() ? std::nullopt : std::optional(message);
        }
        static const std::string lengthHeader = "content-length:";
        std::string lower = header;
        for (char& c : lower) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (lower.starts_with(lengthHeader)) {
            std::string value = header.substr(lengthHeader.size());
            value.erase(0, value.find_first_not_of(' '));
            auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
            if (error != std::errc() || length > maxMessage) {
                return std::nullopt;
            }
            sawLength = true;
        }
    }
    return std::nullopt;
}

void writeRpcMessage(std::ostream& out, const nlohmann::json& message) {
    std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
}

} // namespace privaudit::cli
