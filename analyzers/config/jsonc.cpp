#include "analyzers/config/jsonc.h"

namespace privaudit::config {

namespace {

void blank(std::string& text, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
        if (text[i] != '\n' && text[i] != '\r') {
            text[i] = ' ';
        }
    }
}

// The index of the quote that closes the string opened at `quote`. A newline ends a broken
// string, so one typo cannot hide the rest of the file.
size_t stringEnd(const std::string& text, size_t quote) {
    for (size_t i = quote + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"' || text[i] == '\n') {
            return i;
        }
    }
    return text.size();
}

void blankComments(std::string& text) {
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            i = stringEnd(text, i);
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            size_t end = text.find('\n', i);
            end = end == std::string::npos ? text.size() : end;
            blank(text, i, end);
            i = end;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            size_t close = text.find("*/", i + 2);
            size_t end = close == std::string::npos ? text.size() : close + 2;
            blank(text, i, end);
            i = end - 1;
        }
    }
}

// Runs after blankComments, so only whitespace can stand between a comma and its bracket.
void blankTrailingCommas(std::string& text) {
    size_t pendingComma = std::string::npos;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            continue;
        }
        if ((c == ']' || c == '}') && pendingComma != std::string::npos) {
            text[pendingComma] = ' ';
        }
        pendingComma = c == ',' ? i : std::string::npos;
        if (c == '"') {
            i = stringEnd(text, i);
        }
    }
}

} // namespace

std::string jsoncAsJson(std::string_view original) {
    std::string text(original);
    blankComments(text);
    blankTrailingCommas(text);
    return text;
}

} // namespace privaudit::config
