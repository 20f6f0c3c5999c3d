#pragma once

#include "core/doc_tree.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::config {

enum class DocumentFormat { Yaml, Json };

// JSON for .json, .jsonc and .dialog (Bot Framework Composer) files and files without an
// extension (Amazon Connect flow exports); YAML for everything else.
DocumentFormat formatForPath(const std::filesystem::path& path);

struct LoadError {
    int line = 0; // 1-based; 0 when the parser could not say
    int column = 0;
    std::string message; // one line, e.g. "end of map flow not found"
};

struct LoadedDocuments {
    std::vector<core::DocNode> documents; // empty when `error` is set
    std::optional<LoadError> error;
    // What loaded, but not as written: a duplicate key (the last one wins, as in the YAML and
    // JSON parsers the platforms use), unrendered {{...}} template placeholders.
    std::vector<LoadError> warnings;
};

// Deeper trees are rejected with an error rather than risking the stack.
inline constexpr int maxNestingDepth = 512;

// Parses every document in `text` (YAML streams may hold several). JSON may carry `//` and
// `/* */` comments and trailing commas. Explicit tags such as CloudFormation's `!Ref` are kept
// in DocNode::tag; aliases are expanded. YAML that only parses with its unrendered `{{...}}`
// placeholders blanked out (CX-as-code Archy flows) is read that way, with a warning. Never
// throws: bad input comes back as `error`.
LoadedDocuments loadDocuments(std::string_view text, DocumentFormat format);

} // namespace privaudit::config
