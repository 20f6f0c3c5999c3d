#pragma once

#include <string>
#include <string_view>

namespace privaudit::config {

// JSONC (JSON with `//` and `/* */` comments and trailing commas, as Bot Framework and VS Code
// files use) turned into strict JSON by replacing the comments and trailing commas outside
// string literals with spaces, so every line and column stays where it was.
std::string jsoncAsJson(std::string_view text);

} // namespace privaudit::config
