#pragma once

#include <string>

namespace privaudit::core {

// Writes `content` to `path` through a temporary file in the same folder and a rename, so a
// reader never sees a half-written report. Returns an error message, empty on success.
std::string writeFileAtomically(const std::string& path, const std::string& content);

} // namespace privaudit::core
