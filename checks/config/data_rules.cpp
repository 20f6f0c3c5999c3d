#include "checks/config/data_rules.h"

#include "analyzers/config/document_loader.h"
#include "checks/catalogue.h"
#include "checks/embedded_data.h"

#include <algorithm>
#include <stdexcept>

namespace privaudit::checks {

namespace {

using core::DocNode;

// The catalogue fields a user rule carries next to its checks.
const std::vector<std::string_view> catalogueKeys = {
    "name",     "title",     "description", "remediation", "level",
    "severity", "precision", "category",    "cwe",         "gdpr"};

std::vector<config::DataRule> loadBuiltin() {
    std::vector<config::DataRule> rules;
    for (const EmbeddedFile& file : embeddedFiles()) {
        if (!file.path.starts_with("config/")) {
            continue;
        }
        std::string source = "checks/" + std::string(file.path);
        auto loaded = config::loadDocuments(file.text, config::DocumentFormat::Yaml);
        std::vector<config::RuleError> errors;
        if (loaded.error) {
            errors.push_back({loaded.error->line, loaded.error->column, loaded.error->message});
        }
        for (const DocNode& document : loaded.documents) {
            auto rule = config::parseDataRule(document, {}, errors);
            if (rule && !builtinCatalogue().find(rule->id)) {
                errors.push_back({document.line, document.column,
                                  "rule '" + rule->id + "' is not in the catalogue"});
            } else if (rule) {
                rules.push_back(std::move(*rule));
            }
        }
        // Built into the binary and loaded by the tests: an error here is a build defect.
        if (!errors.empty()) {
            throw std::logic_error(source + ":" + std::to_string(errors.front().line) + ": " +
                                   errors.front().message);
        }
    }
    return rules;
}

// The catalogue entry of a user rule: its catalogue fields, with defaults for the optional ones.
DocNode catalogueEntry(const DocNode& definition) {
    DocNode entry;
    entry.kind = DocNode::Kind::Mapping;
    entry.line = definition.line;
    entry.column = definition.column;
    std::string id;
    for (const auto& [key, value] : definition.entries) {
        if (key.scalar == "id") {
            id = value.scalar;
            entry.entries.emplace_back(key, value);
        } else if (std::ranges::find(catalogueKeys, key.scalar) != catalogueKeys.end()) {
            entry.entries.emplace_back(key, value);
        }
    }
    auto addDefault = [&](std::string key, std::string value) {
        if (!entry.find(key)) {
            DocNode keyNode;
            keyNode.kind = DocNode::Kind::Scalar;
            keyNode.scalar = std::move(key);
            keyNode.line = definition.line;
            DocNode valueNode = keyNode;
            valueNode.scalar = std::move(value);
            entry.entries.emplace_back(std::move(keyNode), std::move(valueNode));
        }
    };
    addDefault("name", "UserRule " + id);
    addDefault("precision", "medium");
    const DocNode* title = definition.find("title");
    addDefault("description", title ? title->scalar : id);
    addDefault("remediation", title ? title->scalar : id);
    return entry;
}

} // namespace

const std::vector<config::DataRule>& builtinDataRules() {
    static const std::vector<config::DataRule> rules = loadBuiltin();
    return rules;
}

std::vector<config::DataRule> loadUserDataRules(const DocNode& configRules,
                                                const std::string& policyPath,
                                                core::RuleCatalogue& catalogue,
                                                std::vector<core::Notification>& notifications) {
    auto report = [&](int line, int column, const std::string& message) {
        notifications.push_back({core::Notification::Kind::PolicyError,
                                 core::Level::Error,
                                 message,
                                 {policyPath, line, column}});
    };
    std::vector<config::DataRule> rules;
    if (!configRules.isSequence()) {
        report(configRules.line, configRules.column,
               "'config-rules' must be a list of rules (id, title, level, ..., checks)");
        return rules;
    }
    for (const DocNode& definition : configRules.items) {
        std::vector<config::RuleError> errors;
        auto rule = config::parseDataRule(definition, catalogueKeys, errors);
        std::vector<core::CatalogueError> catalogueErrors;
        if (rule) {
            if (catalogue.find(rule->id)) {
                catalogueErrors.push_back(
                    {policyPath, definition.line, "rule id '" + rule->id + "' is already taken"});
            } else {
                catalogue.add(catalogueEntry(definition), policyPath, catalogueErrors);
            }
        }
        for (const auto& error : errors) {
            report(error.line, error.column, error.message);
        }
        for (const auto& error : catalogueErrors) {
            report(error.line, 0, "config rule: " + error.message);
        }
        if (rule && catalogueErrors.empty()) {
            rules.push_back(std::move(*rule));
        }
    }
    return rules;
}

} // namespace privaudit::checks
