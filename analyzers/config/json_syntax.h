#pragma once

#include "analyzers/config/document_loader.h"

#include <optional>
#include <string_view>

namespace privaudit::config {

// The first syntax error of strict JSON text, with its line and column. The YAML parser that
// builds the tree accepts JSON, but also much that JSON forbids (a missing value, an
// unterminated string, several top-level values), so JSON files are checked here first.
std::optional<LoadError> jsonSyntaxError(std::string_view json);

} // namespace privaudit::config
