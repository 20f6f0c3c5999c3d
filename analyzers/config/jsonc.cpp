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

void blankComments(std::string& text) {
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"' || c == '\n') {
                inString = false; // a newline ends a broken string so one typo cannot hide the rest
            }
        } else if (c == '"') {
            inString = true;
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
    bool inString = false;
    size_t pendingComma = std::string::npos;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"' || c == '\n') {
                inString = false;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            continue;
        }
        if ((c == ']' || c == '}') && pendingComma != std::string::npos) {
            text[pendingComma] = ' ';
        }
        pendingComma = c == ',' ? i : std::string::npos;
        inString = c == '"';
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
