#include "checks/common/taint_knowledge.h"

#include "analyzers/config/document_loader.h"
#include "analyzers/cpp/personal_data_vocabulary.h"
#include "checks/embedded_data.h"

#include <stdexcept>

namespace privaudit::checks {

namespace {

// The models are embedded at build time and covered by tests, so a bad model is a build
// defect: failing loudly at first use is right.
core::DocNode parseModel(const EmbeddedFile& file) {
    auto loaded = config::loadDocuments(file.text, config::DocumentFormat::Yaml);
    if (loaded.error || loaded.documents.empty()) {
        throw std::logic_error("checks/" + std::string(file.path) + ": " +
                               (loaded.error ? loaded.error->message : "empty"));
    }
    return loaded.documents.front();
}

const cpp::PersonalDataVocabulary& vocabulary() {
    static const cpp::PersonalDataVocabulary loaded = [] {
        std::vector<std::string> errors;
        auto result = cpp::PersonalDataVocabulary::fromModel(
            parseModel({"models/personal-data.yaml", embeddedFile("models/personal-data.yaml")}),
            errors);
        if (!errors.empty()) {
            throw std::logic_error("checks/models/personal-data.yaml:" + errors.front());
        }
        return result;
    }();
    return loaded;
}

cpp::TaintKnowledge loadKnowledge() {
    vocabulary(); // loaded once here, before translation units are analyzed in child processes
    cpp::TaintKnowledge knowledge;
    for (const EmbeddedFile& file : embeddedFiles()) {
        if (!file.path.starts_with("models/") || file.path == "models/secrets.yaml" ||
            file.path == "models/personal-data.yaml") {
            continue;
        }
        std::vector<std::string> errors;
        knowledge.models.add(parseModel(file), errors);
        if (!errors.empty()) {
            throw std::logic_error("checks/" + std::string(file.path) + ":" + errors.front());
        }
    }
    knowledge.classifyName =
        [](std::string_view identifier) -> std::optional<cpp::NameClassification> {
        auto found = vocabulary().classify(identifier);
        if (!found) {
            return std::nullopt;
        }
        return cpp::NameClassification{found->categories, found->weak};
    };
    knowledge.namesDataSubject = [](std::string_view identifier) {
        return vocabulary().namesDataSubject(identifier);
    };
    return knowledge;
}

} // namespace

const cpp::TaintKnowledge& builtinTaintKnowledge() {
    static const cpp::TaintKnowledge knowledge = loadKnowledge();
    return knowledge;
}

std::string categoryDisplayName(std::string_view category) {
    return std::string(cpp::PersonalDataVocabulary::displayName(category));
}

} // namespace privaudit::checks
