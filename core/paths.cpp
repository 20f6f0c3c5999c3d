#include "core/paths.h"

#include <cctype>
#include <filesystem>

namespace privaudit::core {

namespace fs = std::filesystem;

std::string relativePath(std::string_view path, std::string_view root) {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(fs::path(path)), ec);
    fs::path base = fs::weakly_canonical(fs::absolute(fs::path(root)), ec);
    fs::path relative = absolute.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..") {
        return absolute.generic_string();
    }
    return relative.generic_string();
}

std::string uriReference(std::string_view relative) {
    static const std::string_view unreserved = "-._~/";
    static const char* hex = "0123456789ABCDEF";
    std::string uri;
    for (unsigned char c : relative) {
        if (std::isalnum(c) || unreserved.find(static_cast<char>(c)) != std::string_view::npos) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri;
}

} // namespace privaudit::core
