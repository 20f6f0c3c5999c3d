#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace privaudit::core {

// Writes `content` to `path` through a temporary file in the same folder and a rename, so a
// reader never sees a half-written report. Returns an error message, empty on success.
std::string writeFileAtomically(const std::string& path, const std::string& content);

// The same, for content too large to hold in memory twice: `write` streams it into the file.
using ContentWriter = std::function<void(std::ostream&)>;
std::string writeFileAtomically(const std::string& path, const ContentWriter& write);

} // namespace privaudit::core
