#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// One recognizer as the data under checks/recognizers/ describes it. The shape and validator
// are C++ (shapes.h), found by `id`; everything that tunes precision is here.
struct RecognizerSpec {
    std::string id;       // "credit-card"
    std::string entity;   // as Presidio spells it where it has one: "CREDIT_CARD"
    std::string label;    // what messages call it: "credit card number"
    std::string category; // data category of the finding: "card"
    double score = 0.5;   // a match whose validator passed, without context
    bool requiresContext = false;
    bool enabled = true;
    // Dropped when the words just before or the field name say the number identifies an
    // order, a trace, a version, ... and no context word of this recognizer is there.
    bool yieldsToIdentifierContext = false;
    std::vector<std::string> context; // EN and DE words and phrases; "stem*" matches a prefix
    std::vector<std::string> fields;  // extra JSON key / CSV column words
};

struct RecognizerSet {
    std::vector<RecognizerSpec> recognizers;
    std::vector<std::string> identifierWords;  // "order", "tracking", "version", ...
    std::vector<std::string> identifierFields; // "order_id", "trace_id", "timestamp", ...

    const RecognizerSpec* find(std::string_view id) const;
};

// Lower-case words of a field name, split at '_', '-', '.', spaces and camelCase humps:
// "customerEmail" -> "customer email", "DATE_OF_BIRTH" -> "date of birth".
std::string fieldWords(std::string_view name);

// True when `phrase` occurs in `lowerText` as whole words ("stem*": as a word prefix).
bool containsPhrase(std::string_view lowerText, std::string_view phrase);

} // namespace privaudit::runtime
