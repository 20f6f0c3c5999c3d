#include "customer_details.h"

#include <algorithm>
#include <regex>
#include <sstream>

namespace privaudit::bots {

namespace {

struct Pattern {
    const char* key;
    std::regex regex;
};

const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> all = {
        {"name", std::regex(R"((?:my name is|mein name ist|ich heiße|ich heisse) ([^.,!?]+))",
                            std::regex::icase)},
        {"email", std::regex(R"([\w.+-]+@[\w-]+\.[\w.]+\w)")},
        {"phone", std::regex(R"(\+\d[\d -]{6,}\d)")},
        {"order", std::regex(R"(\bPA-\w+)")},
        {"iban", std::regex(R"(\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b)")},
        {"card", std::regex(R"(\b\d{4}(?: ?\d{4}){3}\b)")},
    };
    return all;
}

} // namespace

void collectDetails(const std::string& message, CustomerDetails& details) {
    for (const Pattern& pattern : patterns()) {
        std::smatch found;
        if (std::regex_search(message, found, pattern.regex)) {
            details[pattern.key] = found.size() > 1 ? found[1].str() : found[0].str();
        }
    }
}

std::string detailOr(const CustomerDetails& details, const std::string& key) {
    auto found = details.find(key);
    return found == details.end() ? "-" : found->second;
}

std::string maskedTail(const std::string& value) {
    std::string compact;
    std::ranges::copy_if(value, std::back_inserter(compact), [](char c) { return c != ' '; });
    if (compact.size() <= 4) {
        return "****";
    }
    return std::string(compact.size() - 4, '*') + compact.substr(compact.size() - 4);
}

std::string redacted(const std::string& message, const CustomerDetails& details) {
    std::string text = message;
    if (auto name = details.find("name"); name != details.end() && !name->second.empty()) {
        for (size_t at; (at = text.find(name->second)) != std::string::npos;) {
            text.replace(at, name->second.size(), "[redacted]");
        }
    }
    std::istringstream words(text);
    std::string out;
    for (std::string word; words >> word;) {
        bool personal = std::ranges::any_of(
            word, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '@'; });
        out += (out.empty() ? "" : " ") + (personal ? std::string("[redacted]") : word);
    }
    return out;
}

bool mentions(const std::string& message, const std::string& phrases) {
    std::string lower = message;
    std::ranges::transform(lower, lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::stringstream list(phrases);
    for (std::string phrase; std::getline(list, phrase, ',');) {
        if (lower.find(phrase) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace privaudit::bots
