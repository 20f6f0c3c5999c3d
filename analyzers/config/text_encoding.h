#pragma once

#include <string_view>

namespace privaudit::config {

// True for well-formed UTF-8 without NUL bytes: what a config file must be before it is parsed.
// Binary files and UTF-16 text fail.
bool isUtf8Text(std::string_view bytes);

} // namespace privaudit::config
