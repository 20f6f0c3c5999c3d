#include "analyzers/runtime/recognizers.h"

#include "analyzers/runtime/char_classes.h"

namespace privaudit::runtime {

const RecognizerSpec* RecognizerSet::find(std::string_view id) const {
    for (const RecognizerSpec& spec : recognizers) {
        if (spec.id == id) {
            return &spec;
        }
    }
    return nullptr;
}

std::string fieldWords(std::string_view name) {
    std::string words;
    char previous = ' ';
    for (char c : name) {
        bool separator = c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == '$';
        if (separator) {
            if (!words.empty() && words.back() != ' ') {
                words += ' ';
            }
        } else {
            if (isUpper(c) && isLower(previous) && !words.empty() && words.back() != ' ') {
                words += ' ';
            }
            words += toLowerAscii(c);
        }
        previous = c;
    }
    while (!words.empty() && words.back() == ' ') {
        words.pop_back();
    }
    return words;
}

bool containsPhrase(std::string_view lowerText, std::string_view phrase) {
    bool prefix = phrase.ends_with('*');
    if (prefix) {
        phrase.remove_suffix(1);
    }
    if (phrase.empty()) {
        return false;
    }
    for (size_t pos = lowerText.find(phrase); pos != std::string_view::npos;
         pos = lowerText.find(phrase, pos + 1)) {
        bool startsWord = pos == 0 || !isWordByte(lowerText[pos - 1]);
        bool endsWord = prefix || pos + phrase.size() >= lowerText.size() ||
                        !isWordByte(lowerText[pos + phrase.size()]) || !isAsciiAlnum(phrase.back());
        if (startsWord && endsWord) {
            return true;
        }
    }
    return false;
}

} // namespace privaudit::runtime
