#pragma once

#include <string>
#include <string_view>

namespace privaudit::reporters {

// `text` with & < > " ' replaced by character references.
std::string htmlEscaped(std::string_view text);

// The small Markdown subset the rule catalogue's remediation uses, as HTML: paragraphs,
// fenced code blocks, "- " lists and `inline code`. Everything else is escaped text.
std::string markdownToHtml(std::string_view markdown);

} // namespace privaudit::reporters
