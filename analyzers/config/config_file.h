#pragma once

#include "analyzers/config/document_loader.h"
#include "analyzers/config/platform.h"
#include "core/doc_tree.h"
#include "core/finding.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace privaudit::config {

// One parsed configuration file, as config checks see it.
struct ConfigFile {
    std::string path;
    std::string text; // as read, minus a UTF-8 byte order mark
    DocumentFormat format = DocumentFormat::Yaml;
    Platform platform = Platform::GenericYaml;
    std::vector<core::DocNode> documents;
    std::vector<size_t> lineStarts;  // offset in `text` of each line's first character
    std::vector<LoadError> warnings; // loaded, but not as written (LoadedDocuments::warnings)

    std::string fileName() const; // "endpoints.yml"

    // The 1-based line without its line break; empty past the end.
    std::string_view line(int number) const;

    // Where `node` is. For a scalar the span ends where its text (quotes included) ends on
    // its first line; other nodes get a one-character span.
    core::SourceLocation locationOf(const core::DocNode& node) const;
};

// Parses `text` as the file at `path`: format from the extension, platform from the content.
std::variant<ConfigFile, LoadError> parseConfigFile(std::string path, std::string text);

} // namespace privaudit::config
