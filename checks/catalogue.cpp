#include "checks/catalogue.h"

#include "analyzers/config/document_loader.h"
#include "checks/embedded_data.h"

#include <stdexcept>

namespace privaudit::checks {

namespace {

core::RuleCatalogue loadCatalogue() {
    core::RuleCatalogue catalogue;
    std::vector<core::CatalogueError> errors;
    for (const EmbeddedFile& file : embeddedFiles()) {
        if (!file.path.starts_with("rules/")) {
            continue;
        }
        std::string source = "checks/" + std::string(file.path);
        auto loaded = config::loadDocuments(file.text, config::DocumentFormat::Yaml);
        if (loaded.error) {
            errors.push_back({source, loaded.error->line, loaded.error->message});
            continue;
        }
        for (const core::DocNode& document : loaded.documents) {
            catalogue.add(document, source, errors);
        }
    }
    // The catalogue is built into the binary and checked by the tests: an error here is a
    // build defect, not a user error.
    if (!errors.empty()) {
        const auto& first = errors.front();
        throw std::logic_error(first.source + ":" + std::to_string(first.line) + ": " +
                               first.message);
    }
    return catalogue;
}

} // namespace

const core::RuleCatalogue& builtinCatalogue() {
    static const core::RuleCatalogue catalogue = loadCatalogue();
    return catalogue;
}

} // namespace privaudit::checks
