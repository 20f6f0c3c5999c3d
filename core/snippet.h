#pragma once

#include "core/scan_result.h"
#include "core/source_files.h"

#include <string>
#include <string_view>

namespace privaudit::core {

enum class SnippetSyntax { Code, Config };

// A source line safe to show in a report: trimmed, cut to 160 characters, string literals
// masked unless they read as prose, a path or a URL without credentials, runs of 6 or more
// digits reduced to their last 4, e-mail addresses masked. In a config line (YAML, JSON,
// .env), an unquoted value after "key:" or "key=" is masked too.
std::string maskedSnippet(std::string_view line, SnippetSyntax syntax = SnippetSyntax::Code);

// Code for C and C++ sources and headers, Config for everything else.
SnippetSyntax snippetSyntaxOf(std::string_view file);

// Fills `result.snippets` for the primary lines, flow steps and related locations of every
// finding.
void collectSnippets(ScanResult& result, SourceFiles& sources);

} // namespace privaudit::core
