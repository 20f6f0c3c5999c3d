#pragma once

#include <string_view>
#include <vector>

namespace privaudit::checks {

// The data files under checks/ (rule catalogue entries under rules/, library models under
// models/, runtime recognizers under recognizers/, declarative config rules under config/, the
// probe's built-in scenarios under scenarios/ and its phrase lists under probe/), embedded into
// the binary at build time by cmake/embed_files.cmake.
struct EmbeddedFile {
    std::string_view path; // relative to checks/, e.g. "rules/cpp-hardcoded-secret.yaml"
    std::string_view text;
};

const std::vector<EmbeddedFile>& embeddedFiles();

// The text of one embedded file; empty when there is none of that name.
std::string_view embeddedFile(std::string_view path);

} // namespace privaudit::checks
