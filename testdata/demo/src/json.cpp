#include "support/json.h"

#include <algorithm>

namespace support::json {

namespace {

std::string_view skip_space(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t\r\n");
    return start == std::string_view::npos ? std::string_view() : text.substr(start);
}

// Length of the value `text` starts with: a string, an object or array, or a bare scalar.
std::size_t value_length(std::string_view text) {
    if (text.empty()) {
        return 0;
    }
    if (text.front() == '"') {
        for (std::size_t i = 1; i < text.size(); ++i) {
            if (text[i] == '\\') {
                ++i;
            } else if (text[i] == '"') {
                return i + 1;
            }
        }
        return text.size();
    }
    if (text.front() != '{' && text.front() != '[') {
        return std::min(text.find_first_of(",}] \t\r\n"), text.size());
    }
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            i += value_length(text.substr(i)) - 1;
        } else if (text[i] == '{' || text[i] == '[') {
            ++depth;
        } else if ((text[i] == '}' || text[i] == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return text.size();
}

} // namespace

std::string quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '\n' || c == '\t') {
            out += c == '\n' ? "\\n" : "\\t";
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

std::string_view raw_value(std::string_view document, std::string_view key) {
    std::string needle = quote(key);
    for (std::size_t at = document.find(needle); at != std::string_view::npos;
         at = document.find(needle, at + 1)) {
        std::string_view rest = skip_space(document.substr(at + needle.size()));
        if (!rest.empty() && rest.front() == ':') {
            rest = skip_space(rest.substr(1));
            return rest.substr(0, value_length(rest));
        }
    }
    return {};
}

std::string string_value(std::string_view document, std::string_view key) {
    std::string_view raw = raw_value(document, key);
    if (raw.size() < 2 || raw.front() != '"') {
        return {};
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] != '\\') {
            out += raw[i];
            continue;
        }
        char escaped = raw[++i];
        out += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
    }
    return out;
}

std::vector<std::string_view> array_items(std::string_view document, std::string_view key) {
    std::vector<std::string_view> items;
    std::string_view array = raw_value(document, key);
    if (array.size() < 2 || array.front() != '[') {
        return items;
    }
    std::string_view rest = skip_space(array.substr(1));
    while (!rest.empty() && rest.front() != ']') {
        std::size_t length = value_length(rest);
        items.push_back(rest.substr(0, length));
        rest = skip_space(rest.substr(length));
        if (!rest.empty() && rest.front() == ',') {
            rest = skip_space(rest.substr(1));
        }
    }
    return items;
}

} // namespace support::json
