#include "reporters/html_text.h"

#include <sstream>
#include <vector>

namespace privaudit::reporters {

namespace {

std::string inlineHtml(std::string_view text) {
    std::string html;
    bool inCode = false;
    for (char c : text) {
        if (c == '`') {
            html += inCode ? "</code>" : "<code>";
            inCode = !inCode;
        } else {
            html += htmlEscaped(std::string_view(&c, 1));
        }
    }
    return inCode ? html + "</code>" : html;
}

} // namespace

std::string htmlEscaped(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

std::string markdownToHtml(std::string_view markdown) {
    std::istringstream lines{std::string(markdown)};
    std::string html;
    std::string paragraph;
    bool inFence = false;
    bool inList = false;
    auto flushParagraph = [&] {
        if (!paragraph.empty()) {
            html += "<p>" + inlineHtml(paragraph) + "</p>";
            paragraph.clear();
        }
    };
    auto closeList = [&] {
        if (inList) {
            html += "</ul>";
            inList = false;
        }
    };
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("```")) {
            flushParagraph();
            closeList();
            html += inFence ? "</code></pre>" : "<pre><code>";
            inFence = !inFence;
        } else if (inFence) {
            html += htmlEscaped(line) + "\n";
        } else if (line.starts_with("- ") || line.starts_with("* ")) {
            flushParagraph();
            if (!inList) {
                html += "<ul>";
                inList = true;
            }
            html += "<li>" + inlineHtml(line.substr(2)) + "</li>";
        } else if (line.find_first_not_of(" \t") == std::string::npos) {
            flushParagraph();
            closeList();
        } else {
            closeList();
            paragraph += (paragraph.empty() ? "" : " ") + line;
        }
    }
    flushParagraph();
    closeList();
    return inFence ? html + "</code></pre>" : html;
}

} // namespace privaudit::reporters
