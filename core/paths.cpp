#include "core/paths.h"

#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

namespace privaudit::core {

namespace fs = std::filesystem;

namespace {

std::string computeRelativePath(std::string_view path, std::string_view root) {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(fs::path(path)), ec);
    if (ec) { // a symbolic link loop: name the link itself
        absolute = fs::absolute(fs::path(path)).lexically_normal();
    }
    fs::path base = fs::weakly_canonical(fs::absolute(fs::path(root)), ec);
    fs::path relative = absolute.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..") {
        return absolute.generic_string();
    }
    return relative.generic_string();
}

std::string sharedRelativePath(std::string_view path, std::string_view root) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, std::string, std::less<>> known;
    std::pair<std::string, std::string> key(path, root);
    std::lock_guard lock(mutex);
    auto found = known.find(key);
    if (found == known.end()) {
        found = known.emplace(key, computeRelativePath(path, root)).first;
    }
    return found->second;
}

} // namespace

// Remembered per (path, root): reporters ask once per finding, and a scan of a large log can
// have thousands of findings in one file; canonicalizing costs system calls each time. Findings
// come file by file, so each thread first checks the answer it gave last, without the lock.
std::string relativePath(std::string_view path, std::string_view root) {
    thread_local std::string lastPath, lastRoot, lastAnswer;
    if (path == lastPath && root == lastRoot && !lastPath.empty()) {
        return lastAnswer;
    }
    lastAnswer = sharedRelativePath(path, root);
    lastPath = path;
    lastRoot = root;
    return lastAnswer;
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
