#include "checks/runtime/probe_phrases.h"

#include "analyzers/config/document_loader.h"
#include "checks/embedded_data.h"

#include <re2/re2.h>
#include <stdexcept>

namespace privaudit::checks {

namespace {

[[noreturn]] void defect(std::string_view file, int line, const std::string& message) {
    throw std::logic_error(std::string(file) + ":" + std::to_string(line) + ": " + message);
}

} // namespace

PhraseList::PhraseList(std::string_view file, std::string_view key) {
    std::string path = "probe/" + std::string(file);
    auto loaded = config::loadDocuments(embeddedFile(path), config::DocumentFormat::Yaml);
    if (loaded.error || loaded.documents.size() != 1) {
        defect(path, loaded.error ? loaded.error->line : 1, "not one YAML document");
    }
    const core::DocNode* node = loaded.documents.front().find(key);
    if (!node) {
        defect(path, 1, "no '" + std::string(key) + "'");
    }
    std::string alternation;
    for (const core::DocNode& item : node->isSequence() ? node->items : std::vector{*node}) {
        if (!item.isScalar() || !RE2(item.scalar).ok()) {
            defect(path, item.line, "not a valid RE2 pattern");
        }
        alternation += (alternation.empty() ? "(?:" : "|(?:") + item.scalar + ")";
    }
    RE2::Options options;
    options.set_case_sensitive(false);
    pattern_ = std::make_unique<RE2>(alternation, options);
}

PhraseList::~PhraseList() = default;

bool PhraseList::foundIn(std::string_view text) const {
    return RE2::PartialMatch(text, *pattern_);
}

} // namespace privaudit::checks
