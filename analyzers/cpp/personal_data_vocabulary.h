#pragma once

#include "core/doc_tree.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace privaudit::cpp {

// What kind of personal data a name denotes.
struct Classification {
    std::vector<std::string> categories; // "email", "phone", ...; in order of appearance
    // Only ambiguous words matched ("name", "address", "pin"): the name is personal data only
    // inside a personal container, which the caller knows and this class does not.
    bool weak = false;
};

// A name the policy file declares sensitive (or not).
struct ExtraName {
    std::string name;     // an identifier or words: "memberNo", "loyalty card"
    std::string category; // a personal-data category, "customer" (a data subject) or "none"
};

// The name-based half of the sensitive-data classifier: decides from an identifier alone
// whether it names personal data, using the vocabulary in checks/models/personal-data.yaml.
// Called for every identifier of a translation unit, so matching is hash lookups on its words.
class PersonalDataVocabulary {
public:
    // Reads the model (the document of personal-data.yaml). Bad entries are skipped and reported
    // in `errors` as "line N: ...".
    static PersonalDataVocabulary fromModel(const core::DocNode& root,
                                            std::vector<std::string>& errors);

    // Adds or overrides names from the policy file; an unknown category is an error.
    void addNames(std::span<const ExtraName> names, std::vector<std::string>& errors);

    // The personal-data categories `identifier` denotes, or nothing. Constants named in
    // SCREAMING_SNAKE_CASE or kCamelCase never hold a customer's data; enumerators named
    // otherwise ("Email" in `enum class Field`) must be skipped by the caller.
    std::optional<Classification> classify(std::string_view identifier) const;

    // Whether a type or variable is named after the people data is about ("Customer",
    // "KundeDto", "callerInfo"), the `customer` category. Components that handle them
    // ("CustomerRepository") and keys ("customerId") are not.
    bool namesDataSubject(std::string_view identifier) const;

    // A category classify() reports, or `customer`. (addNames also takes "none".)
    static bool isCategory(std::string_view category);

    // How findings name a category: "e-mail address", "IBAN or bank account", ...
    static std::string_view displayName(std::string_view category);

private:
    struct Phrase {
        std::vector<std::string> words;
        std::string_view category; // static storage: a category id, "customer" or "none"
        bool weak = false;
    };
    struct Scan {
        std::vector<const Phrase*> matches;
        unsigned long long covered = 0; // bit i: word i is part of a match
    };
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

    Phrase* findPhrase(const std::vector<std::string>& words);
    void insertPhrase(Phrase phrase);
    const Phrase* longestPhraseAt(const std::vector<std::string>& words, std::size_t i) const;
    Scan scan(const std::vector<std::string>& words) const;
    bool excluded(const std::vector<std::string>& words, unsigned long long covered) const;

    // Phrases by their first word, longest first.
    std::unordered_map<std::string, std::vector<Phrase>, StringHash, std::equal_to<>> phrases_;
    WordSet notPersonalWords_;
    WordSet notPersonalHeads_;
};

} // namespace privaudit::cpp
