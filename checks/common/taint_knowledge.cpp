#include "checks/common/taint_knowledge.h"

#include "analyzers/config/document_loader.h"
#include "analyzers/cpp/personal_data_vocabulary.h"
#include "checks/embedded_data.h"

#include <charconv>
#include <memory>
#include <stdexcept>

namespace privaudit::checks {

namespace {

// The models are embedded at build time and covered by tests, so a bad model is a build
// defect: failing loudly at first use is right.
[[noreturn]] void badModel(std::string_view path, const std::string& message) {
    throw std::logic_error("checks/" + std::string(path) + ": " + message);
}

void addModels(cpp::TaintKnowledge& knowledge, const core::DocNode& model,
               std::vector<std::string>& errors) {
    knowledge.models.add(model, errors);
    knowledge.access.add(model, errors);
    knowledge.stores.add(model, errors);
}

core::DocNode parseModel(std::string_view path) {
    auto loaded = config::loadDocuments(embeddedFile(path), config::DocumentFormat::Yaml);
    if (loaded.error || loaded.documents.empty()) {
        badModel(path, loaded.error ? loaded.error->message : "empty");
    }
    return loaded.documents.front();
}

const cpp::PersonalDataVocabulary& builtinVocabulary() {
    static const cpp::PersonalDataVocabulary vocabulary = [] {
        std::vector<std::string> errors;
        auto loaded =
            cpp::PersonalDataVocabulary::fromModel(parseModel("models/personal-data.yaml"), errors);
        if (!errors.empty()) {
            badModel("models/personal-data.yaml", errors.front());
        }
        return loaded;
    }();
    return vocabulary;
}

// The models of every model file but the vocabulary and the secret names.
const cpp::TaintKnowledge& builtinModels() {
    static const cpp::TaintKnowledge models = [] {
        cpp::TaintKnowledge loaded;
        for (const EmbeddedFile& file : embeddedFiles()) {
            if (!file.path.starts_with("models/") || file.path == "models/secrets.yaml" ||
                file.path == "models/personal-data.yaml") {
                continue;
            }
            std::vector<std::string> errors;
            addModels(loaded, parseModel(file.path), errors);
            if (!errors.empty()) {
                badModel(file.path, errors.front());
            }
        }
        return loaded;
    }();
    return models;
}

// "12: message" (the form the model readers report) as a notification at that line.
core::Notification policyError(const core::Policy& policy, const std::string& problem) {
    int line = 0;
    std::string_view text = problem;
    if (size_t colon = text.find(": "); colon != std::string_view::npos) {
        std::string_view number = text.substr(0, colon);
        number.remove_prefix(number.starts_with("line ") ? 5 : 0);
        if (std::from_chars(number.data(), number.data() + number.size(), line).ec == std::errc()) {
            text.remove_prefix(colon + 2);
        }
    }
    return {core::Notification::Kind::PolicyError,
            core::Level::Error,
            std::string(text),
            {policy.path(), line}};
}

} // namespace

cpp::TaintKnowledge taintKnowledgeFor(const core::Policy& policy,
                                      std::vector<core::Notification>& errors) {
    auto vocabulary = std::make_shared<cpp::PersonalDataVocabulary>(builtinVocabulary());
    std::vector<cpp::ExtraName> names;
    std::vector<std::string> problems;
    for (const core::SensitiveName& name : policy.sensitiveNames()) {
        if (!cpp::PersonalDataVocabulary::isCategory(name.category) && name.category != "none") {
            problems.push_back(std::to_string(name.line) + ": unknown personal-data category '" +
                               name.category + "' for '" + name.name + "'");
            continue;
        }
        names.push_back({name.name, name.category});
    }
    vocabulary->addNames(names, problems);

    cpp::TaintKnowledge knowledge = builtinModels();
    if (const core::DocNode* models = policy.models()) {
        addModels(knowledge, *models, problems);
    }
    for (const std::string& problem : problems) {
        errors.push_back(policyError(policy, problem));
    }
    knowledge.classifyName =
        [vocabulary](std::string_view identifier) -> std::optional<cpp::NameClassification> {
        auto found = vocabulary->classify(identifier);
        if (!found) {
            return std::nullopt;
        }
        return cpp::NameClassification{found->categories, found->weak};
    };
    knowledge.namesDataSubject = [vocabulary](std::string_view identifier) {
        return vocabulary->namesDataSubject(identifier);
    };
    return knowledge;
}

const cpp::TaintKnowledge& builtinTaintKnowledge() {
    static const cpp::TaintKnowledge knowledge = [] {
        std::vector<core::Notification> errors;
        return taintKnowledgeFor(core::Policy(), errors);
    }();
    return knowledge;
}

std::string categoryDisplayName(std::string_view category) {
    return std::string(cpp::PersonalDataVocabulary::displayName(category));
}

} // namespace privaudit::checks
