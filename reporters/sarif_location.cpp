#include "reporters/sarif_location.h"

#include "core/paths.h"

#include <algorithm>

namespace privaudit::reporters {

namespace {

bool startsCodePoint(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

SarifJson region(const core::SourceLocation& location) {
    SarifJson region = {{"startLine", location.line}};
    if (location.column > 0) {
        region["startColumn"] = location.column;
    }
    region["endLine"] = location.endLine > 0 ? location.endLine : location.line;
    if (location.endColumn > 0) {
        region["endColumn"] = location.endColumn;
    }
    return region;
}

} // namespace

std::string limitText(std::string_view text, std::size_t limit) {
    if (static_cast<std::size_t>(std::ranges::count_if(text, startsCodePoint)) <= limit) {
        return std::string(text);
    }
    std::size_t kept = 0;
    std::size_t end = 0;
    for (; end < text.size(); ++end) {
        if (startsCodePoint(text[end]) && kept++ == limit - 1) {
            break;
        }
    }
    return std::string(text.substr(0, end)) + "\u2026";
}

SarifJson sarifMessage(std::string_view text) {
    return {{"text", text}};
}

SarifJson sarifArtifactLocation(std::string_view file, std::string_view sourceRoot) {
    std::string relative = core::relativePath(file, sourceRoot);
    if (relative.starts_with('/')) {
        return {{"uri", "file://" + core::uriReference(relative)}};
    }
    return {{"uri", core::uriReference(relative)}, {"uriBaseId", sourceRootBaseId}};
}

SarifJson sarifPhysicalLocation(const core::SourceLocation& location, std::string_view sourceRoot,
                                std::string_view snippet) {
    SarifJson physical = {{"artifactLocation", sarifArtifactLocation(location.file, sourceRoot)}};
    if (location.line > 0) {
        physical["region"] = region(location);
        if (!snippet.empty()) {
            physical["region"]["snippet"] = sarifMessage(snippet);
        }
    }
    return physical;
}

} // namespace privaudit::reporters
