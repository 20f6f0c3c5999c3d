#include "checks/runtime/recognizer_catalogue.h"

#include "analyzers/config/document_loader.h"
#include "analyzers/runtime/candidate.h"
#include "checks/embedded_data.h"

#include <set>
#include <stdexcept>

namespace privaudit::checks {

namespace {

// The recognizer files are built into the binary and checked by the tests: a bad one is a
// build defect, reported by throwing.
[[noreturn]] void defect(const std::string& source, int line, const std::string& message) {
    throw std::logic_error(source + ":" + std::to_string(line) + ": " + message);
}

std::vector<std::string> words(const core::DocNode* node, const std::string& source) {
    std::vector<std::string> result;
    if (!node) {
        return result;
    }
    if (!node->isSequence()) {
        defect(source, node->line, "expected a list of words");
    }
    for (const core::DocNode& item : node->items) {
        result.push_back(item.scalar);
    }
    return result;
}

bool flag(const core::DocNode& document, std::string_view key, bool fallback,
          const std::string& source) {
    const core::DocNode* node = document.find(key);
    if (!node) {
        return fallback;
    }
    if (node->scalar != "true" && node->scalar != "false") {
        defect(source, node->line, std::string(key) + " must be true or false");
    }
    return node->scalar == "true";
}

runtime::RecognizerSpec recognizer(const core::DocNode& document, const std::string& source) {
    static const std::set<std::string_view> known = {"id",      "entity",
                                                     "label",   "category",
                                                     "score",   "requires_context",
                                                     "enabled", "yields_to_id_context",
                                                     "context", "fields"};
    for (const auto& [key, value] : document.entries) {
        if (!known.contains(key.scalar)) {
            defect(source, key.line, "unknown key '" + key.scalar + "'");
        }
    }
    auto text = [&](std::string_view key) {
        const core::DocNode* node = document.find(key);
        if (!node || !node->isScalar() || node->scalar.empty()) {
            defect(source, document.line, "missing " + std::string(key));
        }
        return node->scalar;
    };
    runtime::RecognizerSpec spec;
    spec.id = text("id");
    if (!runtime::recognizerNamed(spec.id)) {
        defect(source, document.line, "no recognizer shape named '" + spec.id + "'");
    }
    spec.entity = text("entity");
    spec.label = text("label");
    spec.category = text("category");
    spec.score = std::stod(text("score"));
    spec.requiresContext = flag(document, "requires_context", false, source);
    spec.enabled = flag(document, "enabled", true, source);
    spec.yieldsToIdentifierContext = flag(document, "yields_to_id_context", false, source);
    spec.context = words(document.find("context"), source);
    spec.fields = words(document.find("fields"), source);
    return spec;
}

runtime::RecognizerSet loadRecognizers() {
    runtime::RecognizerSet set;
    for (const EmbeddedFile& file : embeddedFiles()) {
        if (!file.path.starts_with("recognizers/")) {
            continue;
        }
        std::string source = "checks/" + std::string(file.path);
        auto loaded = config::loadDocuments(file.text, config::DocumentFormat::Yaml);
        if (loaded.error) {
            defect(source, loaded.error->line, loaded.error->message);
        }
        for (const core::DocNode& document : loaded.documents) {
            if (const core::DocNode* negative = document.find("not_personal_data")) {
                set.identifierWords = words(negative->find("words"), source);
                set.identifierFields = words(negative->find("fields"), source);
            } else {
                set.recognizers.push_back(recognizer(document, source));
            }
        }
    }
    return set;
}

} // namespace

const runtime::RecognizerSet& builtinRecognizers() {
    static const runtime::RecognizerSet set = loadRecognizers();
    return set;
}

runtime::ScanSettings defaultScanSettings() {
    runtime::ScanSettings settings;
    settings.recognizers = &builtinRecognizers();
    for (const runtime::RecognizerSpec& spec : settings.recognizers->recognizers) {
        auto recognizer = runtime::recognizerNamed(spec.id);
        if (recognizer && spec.enabled) {
            settings.active[static_cast<size_t>(*recognizer)] = &spec;
        }
    }
    return settings;
}

} // namespace privaudit::checks
