#include "reporters/position.h"

#include "core/paths.h"

namespace privaudit::reporters {

std::string positionText(const core::SourceLocation& location, const std::string& sourceRoot) {
    std::string text = core::relativePath(location.file, sourceRoot);
    if (location.line > 0) {
        text += ":" + std::to_string(location.line);
        if (location.column > 0) {
            text += ":" + std::to_string(location.column);
        }
    }
    return text;
}

} // namespace privaudit::reporters
