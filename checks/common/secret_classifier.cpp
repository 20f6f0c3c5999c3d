#include "checks/common/secret_classifier.h"

#include "analyzers/config/document_loader.h"
#include "checks/embedded_data.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <memory>
#include <re2/re2.h>
#include <set>
#include <stdexcept>

namespace privaudit::checks {

using core::DocNode;

struct SecretClassifier::Model {
    struct Phrase {
        std::string kind;
        std::vector<std::string> words;
    };
    struct KeyFormat {
        std::string kind;
        std::unique_ptr<RE2> pattern;
    };

    std::vector<Phrase> credentialPhrases;
    std::set<std::string, std::less<>> notCredentialWords;
    std::vector<KeyFormat> keyFormats;
    std::vector<std::unique_ptr<RE2>> connectionStringPasswords;
    std::vector<std::unique_ptr<RE2>> nonSecretValues;
};

namespace {

// The model is embedded at build time and covered by tests, so a bad model is a build defect:
// failing loudly at first use is right.
[[noreturn]] void badModel(const std::string& what) {
    throw std::logic_error("checks/models/secrets.yaml: " + what);
}

std::unique_ptr<RE2> compile(const DocNode& node, bool caseInsensitive) {
    RE2::Options options;
    options.set_case_sensitive(!caseInsensitive);
    options.set_log_errors(false);
    auto pattern = std::make_unique<RE2>(node.scalar, options);
    if (!pattern->ok()) {
        badModel("line " + std::to_string(node.line) + ": " + pattern->error());
    }
    return pattern;
}

const DocNode& section(const DocNode& root, std::string_view key) {
    const DocNode* node = root.find(key);
    if (!node) {
        badModel("missing section '" + std::string(key) + "'");
    }
    return *node;
}

SecretClassifier::Model* loadModel() {
    auto loaded =
        config::loadDocuments(embeddedFile("models/secrets.yaml"), config::DocumentFormat::Yaml);
    if (loaded.error || loaded.documents.empty()) {
        badModel(loaded.error ? loaded.error->message : "empty");
    }
    const DocNode& root = loaded.documents.front();
    auto* model = new SecretClassifier::Model();
    for (const auto& [kind, phrases] : section(root, "credential-phrases").entries) {
        for (const DocNode& phrase : phrases.items) {
            SecretClassifier::Model::Phrase entry{kind.scalar, {}};
            for (const DocNode& word : phrase.items) {
                entry.words.push_back(word.scalar);
            }
            model->credentialPhrases.push_back(std::move(entry));
        }
    }
    for (const DocNode& word : section(root, "not-credential-words").items) {
        model->notCredentialWords.insert(word.scalar);
    }
    for (const auto& [kind, pattern] : section(root, "key-formats").entries) {
        model->keyFormats.push_back({kind.scalar, compile(pattern, false)});
    }
    for (const DocNode& pattern : section(root, "connection-string-passwords").items) {
        model->connectionStringPasswords.push_back(compile(pattern, false));
    }
    for (const DocNode& pattern : section(root, "non-secret-values").items) {
        model->nonSecretValues.push_back(compile(pattern, true));
    }
    return model;
}

bool containsPhrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
    return std::ranges::search(words, phrase).begin() != words.end();
}

// Prose ("Please enter your password") is a message about a secret, not a secret.
bool looksLikeProse(std::string_view value) {
    return std::ranges::count(value, ' ') >= 2;
}

} // namespace

SecretClassifier::SecretClassifier() : model_(*loadModel()) {}

const SecretClassifier& SecretClassifier::instance() {
    static const SecretClassifier classifier;
    return classifier;
}

std::optional<std::string> SecretClassifier::credentialKindOfName(std::string_view name) const {
    std::vector<std::string> words = core::identifierWords(name);
    if (std::ranges::any_of(
            words, [&](const std::string& w) { return model_.notCredentialWords.contains(w); })) {
        return std::nullopt;
    }
    for (const auto& phrase : model_.credentialPhrases) {
        if (containsPhrase(words, phrase.words)) {
            return phrase.kind;
        }
    }
    return std::nullopt;
}

bool SecretClassifier::isPlaceholderOrReference(std::string_view value) const {
    if (value.empty() || value.find_first_not_of(value.front()) == std::string_view::npos) {
        return true; // "", "xxxx", "****"
    }
    return std::ranges::any_of(model_.nonSecretValues, [&](const std::unique_ptr<RE2>& pattern) {
        return RE2::PartialMatch(value, *pattern);
    });
}

std::optional<SecretMatch> SecretClassifier::classify(std::string_view name,
                                                      std::string_view value) const {
    for (const auto& format : model_.keyFormats) {
        re2::StringPiece key; // the part of the literal that has the format
        if (format.pattern->Match(value, 0, value.size(), RE2::UNANCHORED, &key, 1) &&
            !isPlaceholderOrReference(std::string_view(key.data(), key.size()))) {
            return SecretMatch{format.kind, "matches the " + format.kind + " format"};
        }
    }
    for (const auto& pattern : model_.connectionStringPasswords) {
        std::string password;
        if (RE2::PartialMatch(value, *pattern, &password) && !isPlaceholderOrReference(password)) {
            return SecretMatch{"password", "a connection string with a literal password"};
        }
    }
    if (value.size() < 4 || looksLikeProse(value) || isPlaceholderOrReference(value)) {
        return std::nullopt;
    }
    if (auto kind = credentialKindOfName(name)) {
        return SecretMatch{*kind, "named '" + std::string(name) + "'"};
    }
    return std::nullopt;
}

} // namespace privaudit::checks
