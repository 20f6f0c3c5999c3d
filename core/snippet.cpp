#include "core/snippet.h"

#include "core/masking.h"

#include <algorithm>
#include <cctype>

namespace privaudit::core {

namespace {

constexpr std::size_t snippetLimit = 160;

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-' ||
           c == '+';
}

// Prose (a log format, a message), paths and plain URLs say what the code does; anything else
// in a literal may be the secret or the personal data the finding is about.
bool literalIsShowable(std::string_view content) {
    if (content.empty()) {
        return true;
    }
    bool url = content.starts_with("http://") || content.starts_with("https://");
    if (url) {
        return content.find_first_of("@?") == std::string_view::npos;
    }
    bool path =
        content.find('/') != std::string_view::npos && std::ranges::all_of(content, [](char c) {
            return (c >= 'a' && c <= 'z') || isDigit(c) || c == '/' || c == '.' || c == '-' ||
                   c == '_';
        });
    for (std::size_t start = 0; path && start < content.size();) {
        std::size_t end = std::min(content.find('/', start), content.size());
        path = end - start <= 24; // random tokens are long; path segments are words
        start = end + 1;
    }
    if (path) {
        return true; // a media type or a URL path: "application/json", "/v1/chat/completions"
    }
    bool pemArmor = content.find("-----") != std::string_view::npos; // "-----BEGIN ... KEY-----"
    bool prose = content.find(' ') != std::string_view::npos && !pemArmor;
    return prose && std::ranges::none_of(content, [](char c) { return isDigit(c) || c == '@'; });
}

std::string maskedDigitsAndAddresses(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (isDigit(text[i]) && (i == 0 || !isWordChar(text[i - 1]))) {
            std::size_t end = i;
            while (end < text.size() && isDigit(text[end])) {
                ++end;
            }
            if (end - i >= 6) {
                out += "****" + std::string(text.substr(end - 4, 4));
                i = end;
                continue;
            }
        }
        if (text[i] == '@' && i > 0 && isWordChar(text[i - 1]) && i + 1 < text.size() &&
            isWordChar(text[i + 1])) {
            while (!out.empty() && isWordChar(out.back())) {
                out.pop_back();
            }
            out += "****@****";
            ++i;
            while (i < text.size() && isWordChar(text[i])) {
                ++i;
            }
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string_view trimmed(std::string_view line) {
    auto first = line.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    auto last = line.find_last_not_of(" \t\r\n");
    return line.substr(first, last - first + 1);
}

// Booleans, small numbers and references to the environment are not secrets.
bool isHarmlessValue(std::string_view value) {
    if (value == "true" || value == "false" || value == "null" || value.starts_with("${") ||
        value.starts_with("os.environ/") || value.starts_with("!")) {
        return true;
    }
    return value.size() <= 5 && std::ranges::all_of(value, isDigit);
}

// "password: Tr0ub4dor  # comment" -> "password: Tr0u****  # comment".
std::string withConfigValueMasked(std::string_view line) {
    std::size_t separator = line.find_first_of(":=");
    if (separator == std::string_view::npos) {
        return std::string(line);
    }
    std::size_t start = line.find_first_not_of(' ', separator + 1);
    if (start == std::string_view::npos || line[start] == '"' || line[start] == '\'' ||
        line[start] == '#' || line[start] == '{' || line[start] == '[') {
        return std::string(line);
    }
    std::size_t end = line.find(" #", start);
    end = end == std::string_view::npos ? line.size() : end;
    std::string_view value = trimmed(line.substr(start, end - start));
    if (isHarmlessValue(value)) {
        return std::string(line);
    }
    return std::string(line.substr(0, start)) + maskSecret(value) +
           std::string(line.substr(start + value.size()));
}

} // namespace

SnippetSyntax snippetSyntaxOf(std::string_view file) {
    static const std::string_view codeExtensions[] = {".c",   ".cc",  ".cpp", ".cxx", ".h",
                                                      ".hh",  ".hpp", ".hxx", ".ipp", ".inl",
                                                      ".tcc", ".c++", ".h++"};
    return std::ranges::any_of(
               codeExtensions,
               [&](std::string_view extension) { return file.ends_with(extension); })
               ? SnippetSyntax::Code
               : SnippetSyntax::Config;
}

std::string maskedSnippet(std::string_view rawLine, SnippetSyntax syntax) {
    std::string configLine;
    std::string_view line = trimmed(rawLine);
    if (syntax == SnippetSyntax::Config) {
        configLine = withConfigValueMasked(line);
        line = configLine;
    }
    std::string out;
    std::size_t plainStart = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char quote = line[i];
        if (quote != '"' && quote != '\'') {
            continue;
        }
        std::size_t end = i + 1;
        while (end < line.size() && line[end] != quote) {
            end += line[end] == '\\' ? 2 : 1;
        }
        end = std::min(end, line.size());
        out += maskedDigitsAndAddresses(line.substr(plainStart, i - plainStart));
        std::string_view content = line.substr(i + 1, end - i - 1);
        out += quote;
        out += literalIsShowable(content) ? std::string(content) : maskSecret(content);
        if (end < line.size()) {
            out += quote;
        }
        i = end;
        plainStart = end + 1;
    }
    if (plainStart < line.size()) {
        out += maskedDigitsAndAddresses(line.substr(plainStart));
    }
    if (out.size() > snippetLimit) {
        std::size_t cut = snippetLimit;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        out = out.substr(0, cut) + "\u2026";
    }
    return out;
}

void collectSnippets(ScanResult& result, SourceFiles& sources) {
    auto add = [&](const SourceLocation& location) {
        if (location.line <= 0 || result.snippets.contains({location.file, location.line})) {
            return;
        }
        std::string_view line = sources.line(location.file, location.line);
        if (!line.empty()) {
            result.snippets[{location.file, location.line}] =
                maskedSnippet(line, snippetSyntaxOf(location.file));
        }
    };
    for (const Finding& finding : result.findings) {
        add(finding.location);
        for (const RelatedLocation& related : finding.related) {
            add(related.location);
        }
        for (const CodeFlow& flow : finding.flows) {
            for (const FlowStep& step : flow) {
                add(step.location);
            }
        }
    }
}

} // namespace privaudit::core
