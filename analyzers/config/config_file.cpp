#include "analyzers/config/config_file.h"

#include <filesystem>

namespace privaudit::config {

using core::DocNode;

namespace {

constexpr std::string_view utf8ByteOrderMark = "\xEF\xBB\xBF";

std::vector<size_t> findLineStarts(std::string_view text) {
    std::vector<size_t> starts = {0};
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            starts.push_back(i + 1);
        }
    }
    return starts;
}

// Length of a quoted scalar's source text from its opening quote, or the rest of the line
// when the closing quote is on a later line.
size_t quotedLength(std::string_view source) {
    char quote = source.front();
    for (size_t i = 1; i < source.size(); ++i) {
        if (quote == '"' && source[i] == '\\') {
            ++i;
        } else if (source[i] == quote) {
            if (quote == '\'' && i + 1 < source.size() && source[i + 1] == '\'') {
                ++i; // '' is an escaped quote inside a single-quoted scalar
                continue;
            }
            return i + 1;
        }
    }
    return source.size();
}

size_t scalarLength(std::string_view source, const DocNode& node) {
    if (source.empty()) {
        return 1;
    }
    if (source.front() == '"' || source.front() == '\'') {
        return quotedLength(source);
    }
    // A plain scalar reads as written, up to where it folds onto the next line.
    std::string_view firstLine = std::string_view(node.scalar).substr(0, node.scalar.find('\n'));
    if (!firstLine.empty() && source.starts_with(firstLine)) {
        return firstLine.size();
    }
    size_t end = source.find_last_not_of(" \t\r");
    return end == std::string_view::npos ? 1 : end + 1;
}

} // namespace

std::string ConfigFile::fileName() const {
    return std::filesystem::path(path).filename().string();
}

std::string_view ConfigFile::line(int number) const {
    if (number < 1 || static_cast<size_t>(number) > lineStarts.size()) {
        return {};
    }
    size_t start = lineStarts[number - 1];
    size_t end =
        static_cast<size_t>(number) < lineStarts.size() ? lineStarts[number] - 1 : text.size();
    std::string_view result = std::string_view(text).substr(start, end - start);
    if (result.ends_with('\r')) {
        result.remove_suffix(1);
    }
    return result;
}

core::SourceLocation ConfigFile::locationOf(const DocNode& node) const {
    core::SourceLocation location{path, node.line, node.column, node.line, node.column + 1};
    std::string_view source = line(node.line);
    if (node.column < 1 || static_cast<size_t>(node.column) > source.size()) {
        return location;
    }
    source.remove_prefix(node.column - 1);
    if (node.isScalar()) {
        location.endColumn = node.column + static_cast<int>(scalarLength(source, node));
    }
    return location;
}

std::variant<ConfigFile, LoadError> parseConfigFile(std::string path, std::string text) {
    if (std::string_view(text).starts_with(utf8ByteOrderMark)) {
        text.erase(0, utf8ByteOrderMark.size());
    }
    ConfigFile file;
    file.format = formatForPath(path);
    LoadedDocuments loaded = loadDocuments(text, file.format);
    if (loaded.error) {
        return *loaded.error;
    }
    file.platform = detectPlatform(path, loaded.documents, file.format);
    file.documents = std::move(loaded.documents);
    file.warnings = std::move(loaded.warnings);
    file.lineStarts = findLineStarts(text);
    file.path = std::move(path);
    file.text = std::move(text);
    return file;
}

} // namespace privaudit::config
