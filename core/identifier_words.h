#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace privaudit::core {

// Splits an identifier or config key into lowercase words at camelCase humps, underscores,
// hyphens, dots, spaces and letter/digit boundaries. A run of capitals stays one word:
// "customer_eMail2" -> customer e mail 2, "HTTPServer" -> http server, "APIKey" -> api key.
std::vector<std::string> identifierWords(std::string_view identifier);

} // namespace privaudit::core
