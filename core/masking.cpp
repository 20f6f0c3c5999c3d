#include "core/masking.h"

#include <algorithm>

namespace privaudit::core {

std::string maskSecret(std::string_view secret) {
    // Short secrets reveal proportionally less: a quarter of the value, never more than 4.
    size_t shown = std::min<size_t>(4, secret.size() / 4);
    return std::string(secret.substr(0, shown)) + "****";
}

} // namespace privaudit::core
