#include "core/identifier_words.h"

#include <cctype>

namespace privaudit::core {

namespace {

bool isUpper(char c) {
    return std::isupper(static_cast<unsigned char>(c));
}
bool isLower(char c) {
    return std::islower(static_cast<unsigned char>(c));
}
bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c));
}
bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c));
}

// A word starts at i when the character class changes in a way that marks a new word.
bool startsWord(std::string_view s, size_t i) {
    char previous = s[i - 1];
    char current = s[i];
    if (isDigit(previous) != isDigit(current)) {
        return true;
    }
    if (isLower(previous) && isUpper(current)) {
        return true; // customerEmail
    }
    // The last capital of a run starts the next word: APIKey -> API Key.
    return isUpper(previous) && isUpper(current) && i + 1 < s.size() && isLower(s[i + 1]);
}

} // namespace

std::vector<std::string> identifierWords(std::string_view identifier) {
    std::vector<std::string> words;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    };
    for (size_t i = 0; i < identifier.size(); ++i) {
        char c = identifier[i];
        if (!isWordChar(c)) {
            flush();
            continue;
        }
        if (!current.empty() && startsWord(identifier, i)) {
            flush();
        }
        current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    flush();
    return words;
}

} // namespace privaudit::core
