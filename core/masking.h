#pragma once

#include <string>
#include <string_view>

namespace privaudit::core {

// A preview of a secret that is safe to print: at most its first 4 characters (fewer for
// short values), then "****". "sk_live_abc..." -> "sk_l****".
std::string maskSecret(std::string_view secret);

} // namespace privaudit::core
