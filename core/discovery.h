#pragma once

#include "core/notification.h"

#include <string>
#include <vector>

namespace privaudit::core {

// The files a scan considers, found under the paths the user named.
struct DiscoveredInputs {
    std::vector<std::string> cppSources; // .c .cc .cpp .cxx .c++ translation units
    std::vector<std::string> otherFiles; // everything else; analyzers pick what they read
    std::vector<std::string> missingPaths;
    std::vector<Notification> notifications; // missing paths, unreadable folders, link loops
};

// Walks `paths` (files or folders), skipping version-control, dependency and build folders
// (.git, node_modules, build*, cmake-build-*) and symlinked folders. Results are sorted.
// Folders that cannot be listed and symbolic link loops become notifications.
DiscoveredInputs discoverInputs(const std::vector<std::string>& paths);

bool isCppSource(const std::string& path);

} // namespace privaudit::core
