#include "analyzers/cpp/personal_data_vocabulary.h"

#include "core/identifier_words.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace privaudit::cpp {

using core::DocNode;

namespace {

struct CategoryInfo {
    std::string_view id;
    std::string_view display;
};

constexpr std::string_view subjectCategory = "customer";
constexpr std::string_view notPersonal = "none";

constexpr std::array categoryTable{
    CategoryInfo{"name", "name"},
    CategoryInfo{"email", "e-mail address"},
    CategoryInfo{"phone", "phone number"},
    CategoryInfo{"address", "postal address"},
    CategoryInfo{"dob", "date of birth"},
    CategoryInfo{"national-id", "national or tax id number"},
    CategoryInfo{"passport", "passport number"},
    CategoryInfo{"iban", "IBAN or bank account"},
    CategoryInfo{"card", "card number"},
    CategoryInfo{"credential", "credential"},
    CategoryInfo{"health", "health data"},
    CategoryInfo{"location", "location"},
    CategoryInfo{"transcript", "chat transcript"},
    CategoryInfo{"order-history", "order history"},
    CategoryInfo{"caller-id", "caller id"},
    CategoryInfo{"customer-input", "customer input from a request or connection"},
    CategoryInfo{subjectCategory, "customer record"},
};

// The table's copy of a category id, so phrases can keep a string_view to it.
std::string_view canonicalCategory(std::string_view category) {
    if (category == notPersonal) {
        return notPersonal;
    }
    for (const CategoryInfo& info : categoryTable) {
        if (info.id == category) {
            return info.id;
        }
    }
    return {};
}

bool isDigits(std::string_view word) {
    return std::ranges::all_of(word,
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "emails" -> email, "addresses" -> address: the forms a plural word may come from.
std::array<std::string_view, 2> singularForms(std::string_view word) {
    std::array<std::string_view, 2> forms;
    if (word.size() > 2 && word.ends_with('s')) {
        forms[0] = word.substr(0, word.size() - 1);
        if (word.ends_with("es")) {
            forms[1] = word.substr(0, word.size() - 2);
        }
    }
    return forms;
}

bool sameOrPlural(std::string_view word, std::string_view base) {
    if (word == base) {
        return true;
    }
    return word.starts_with(base) &&
           (word.substr(base.size()) == "s" || word.substr(base.size()) == "es");
}

bool phraseAt(const std::vector<std::string>& phrase, const std::vector<std::string>& words,
              std::size_t start) {
    if (phrase.size() > words.size() - start) {
        return false;
    }
    for (std::size_t k = 0; k + 1 < phrase.size(); ++k) {
        if (words[start + k] != phrase[k]) {
            return false;
        }
    }
    return sameOrPlural(words[start + phrase.size() - 1], phrase.back());
}

// SCREAMING_SNAKE_CASE (two words or more: a lone "IBAN" may be a field) and kCamelCase name
// macros, enumerators and constants: compile-time values, never a customer's data.
bool looksLikeConstant(std::string_view identifier, const std::vector<std::string>& words) {
    auto isUpper = [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) != 0;
    };
    auto isLower = [](char c) {
        return std::islower(static_cast<unsigned char>(c)) != 0;
    };
    if (identifier.size() > 1 && identifier[0] == 'k' && isUpper(identifier[1])) {
        return true;
    }
    auto letterWords = std::ranges::count_if(words, [](const auto& w) { return !isDigits(w); });
    return letterWords >= 2 && std::ranges::none_of(identifier, isLower);
}

std::string where(const DocNode& node) {
    return "line " + std::to_string(node.line) + ": ";
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) {
        text += (text.empty() ? "" : " ") + word;
    }
    return text;
}

// A model phrase must already be in the form identifierWords produces, or it could never match.
std::optional<std::vector<std::string>> modelPhrase(const DocNode& node,
                                                    std::vector<std::string>& errors) {
    std::vector<std::string> words = core::identifierWords(node.scalar);
    if (!node.isScalar() || words.empty() || joined(words) != node.scalar) {
        errors.push_back(where(node) + "'" + node.scalar +
                         "' is not lowercase ASCII words separated by single spaces");
        return std::nullopt;
    }
    return words;
}

} // namespace

PersonalDataVocabulary PersonalDataVocabulary::fromModel(const DocNode& root,
                                                         std::vector<std::string>& errors) {
    PersonalDataVocabulary vocabulary;
    auto section = [&](std::string_view key) -> const DocNode* {
        const DocNode* node = root.find(key);
        if (!node) {
            errors.push_back("missing section '" + std::string(key) + "'");
        }
        return node;
    };
    auto addPhrases = [&](const DocNode& list, std::string_view category, bool weak) {
        if (!list.isSequence()) {
            errors.push_back(where(list) + "expected a list of phrases");
        }
        for (const DocNode& item : list.items) {
            auto words = modelPhrase(item, errors);
            if (!words) {
                continue;
            }
            if (const Phrase* existing = vocabulary.findPhrase(*words)) {
                errors.push_back(where(item) + "'" + item.scalar + "' is already listed under " +
                                 std::string(existing->category));
                continue;
            }
            vocabulary.insertPhrase({std::move(*words), category, weak});
        }
    };
    auto addWords = [&](const DocNode& list, WordSet& into) {
        if (!list.isSequence()) {
            errors.push_back(where(list) + "expected a list of words");
        }
        for (const DocNode& item : list.items) {
            auto words = modelPhrase(item, errors);
            if (words && words->size() != 1) {
                errors.push_back(where(item) + "'" + item.scalar + "' is not one word");
            } else if (words) {
                into.insert(words->front());
            }
        }
    };

    if (const DocNode* categories = section("categories")) {
        for (const auto& [key, entry] : categories->entries) {
            std::string_view category = canonicalCategory(key.scalar);
            if (category.empty() || category == subjectCategory || category == notPersonal) {
                errors.push_back(where(key) + "unknown category '" + key.scalar + "'");
                continue;
            }
            if (!entry.isMapping()) {
                errors.push_back(where(entry) + "expected 'phrases:' and 'weak:' lists");
            }
            for (const auto& [kind, list] : entry.entries) {
                if (kind.scalar != "phrases" && kind.scalar != "weak") {
                    errors.push_back(where(kind) + "unknown key '" + kind.scalar +
                                     "' (expected phrases or weak)");
                    continue;
                }
                addPhrases(list, category, kind.scalar == "weak");
            }
        }
    }
    if (const DocNode* subjects = section("data-subjects")) {
        addPhrases(*subjects, subjectCategory, false);
    }
    if (const DocNode* phrases = section("not-personal-phrases")) {
        addPhrases(*phrases, notPersonal, false);
    }
    if (const DocNode* words = section("not-personal-words")) {
        addWords(*words, vocabulary.notPersonalWords_);
    }
    if (const DocNode* heads = section("not-personal-heads")) {
        addWords(*heads, vocabulary.notPersonalHeads_);
    }
    for (const std::string& word : vocabulary.notPersonalWords_) {
        if (const Phrase* phrase = vocabulary.findPhrase({word})) {
            errors.push_back("'" + word + "' is both a not-personal word and a phrase under " +
                             std::string(phrase->category));
        }
    }
    return vocabulary;
}

void PersonalDataVocabulary::addNames(std::span<const ExtraName> names,
                                      std::vector<std::string>& errors) {
    for (const ExtraName& extra : names) {
        std::string_view category = canonicalCategory(extra.category);
        std::vector<std::string> words = core::identifierWords(extra.name);
        if (category.empty()) {
            errors.push_back("'" + extra.name + "': unknown category '" + extra.category + "'");
        } else if (words.empty()) {
            errors.push_back("'" + extra.name + "' has no words to match");
        } else if (Phrase* existing = findPhrase(words)) {
            existing->category = category;
            existing->weak = false;
        } else {
            insertPhrase({std::move(words), category, false});
        }
    }
}

PersonalDataVocabulary::Phrase*
PersonalDataVocabulary::findPhrase(const std::vector<std::string>& words) {
    auto bucket = phrases_.find(words.front());
    if (bucket == phrases_.end()) {
        return nullptr;
    }
    auto found = std::ranges::find(bucket->second, words, &Phrase::words);
    return found == bucket->second.end() ? nullptr : &*found;
}

void PersonalDataVocabulary::insertPhrase(Phrase phrase) {
    std::vector<Phrase>& bucket = phrases_[phrase.words.front()];
    auto shorter = std::ranges::find_if(
        bucket, [&](const Phrase& p) { return p.words.size() < phrase.words.size(); });
    bucket.insert(shorter, std::move(phrase));
}

const PersonalDataVocabulary::Phrase*
PersonalDataVocabulary::longestPhraseAt(const std::vector<std::string>& words,
                                        std::size_t i) const {
    if (auto bucket = phrases_.find(words[i]); bucket != phrases_.end()) {
        for (const Phrase& phrase : bucket->second) {
            if (phraseAt(phrase.words, words, i)) {
                return &phrase;
            }
        }
    }
    for (std::string_view singular : singularForms(words[i])) {
        if (auto bucket = phrases_.find(singular); !singular.empty() && bucket != phrases_.end()) {
            if (bucket->second.back().words.size() == 1) {
                return &bucket->second.back();
            }
        }
    }
    return nullptr;
}

PersonalDataVocabulary::Scan
PersonalDataVocabulary::scan(const std::vector<std::string>& words) const {
    Scan result;
    for (std::size_t i = 0; i < words.size();) {
        const Phrase* phrase = longestPhraseAt(words, i);
        if (!phrase) {
            ++i;
            continue;
        }
        result.matches.push_back(phrase);
        for (std::size_t k = 0; k < phrase->words.size() && i + k < 64; ++k) {
            result.covered |= 1ULL << (i + k);
        }
        i += phrase->words.size();
    }
    return result;
}

bool PersonalDataVocabulary::excluded(const std::vector<std::string>& words,
                                      unsigned long long covered) const {
    auto isCovered = [&](std::size_t i) {
        return i < 64 && (covered >> i & 1) != 0;
    };
    auto inSet = [](const WordSet& set, std::string_view word) {
        if (set.contains(word)) {
            return true;
        }
        return std::ranges::any_of(singularForms(word), [&](std::string_view singular) {
            return !singular.empty() && set.contains(singular);
        });
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!isCovered(i) && inSet(notPersonalWords_, words[i])) {
            return true;
        }
    }
    std::size_t head = words.size();
    while (head > 0 && isDigits(words[head - 1])) {
        --head;
    }
    return head > 0 && !isCovered(head - 1) && inSet(notPersonalHeads_, words[head - 1]);
}

std::optional<Classification> PersonalDataVocabulary::classify(std::string_view identifier) const {
    std::vector<std::string> words = core::identifierWords(identifier);
    Scan found = scan(words);
    auto isData = [](const Phrase* p) {
        return p->category != subjectCategory && p->category != notPersonal;
    };
    if (std::ranges::none_of(found.matches, isData) || looksLikeConstant(identifier, words) ||
        excluded(words, found.covered)) {
        return std::nullopt;
    }
    // A data subject in the name settles the ambiguity: "customerName", "callerPin".
    bool subject = std::ranges::any_of(
        found.matches, [](const Phrase* p) { return p->category == subjectCategory; });
    bool anyStrong = std::ranges::any_of(
        found.matches, [&](const Phrase* p) { return isData(p) && (!p->weak || subject); });
    Classification result;
    result.weak = !anyStrong;
    for (const Phrase* phrase : found.matches) {
        bool counts = isData(phrase) && (result.weak || !phrase->weak || subject);
        if (counts &&
            std::ranges::find(result.categories, phrase->category) == result.categories.end()) {
            result.categories.emplace_back(phrase->category);
        }
    }
    return result;
}

bool PersonalDataVocabulary::namesDataSubject(std::string_view identifier) const {
    std::vector<std::string> words = core::identifierWords(identifier);
    Scan found = scan(words);
    return std::ranges::any_of(found.matches,
                               [](const Phrase* p) { return p->category == subjectCategory; }) &&
           !looksLikeConstant(identifier, words) && !excluded(words, found.covered);
}

bool PersonalDataVocabulary::isCategory(std::string_view category) {
    return std::ranges::find(categoryTable, category, &CategoryInfo::id) != categoryTable.end();
}

std::string_view PersonalDataVocabulary::displayName(std::string_view category) {
    auto found = std::ranges::find(categoryTable, category, &CategoryInfo::id);
    return found == categoryTable.end() ? "personal data" : found->display;
}

} // namespace privaudit::cpp
