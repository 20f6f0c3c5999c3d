#include "core/discovery.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace privaudit::core {

namespace fs = std::filesystem;

namespace {

bool isSkippedFolder(const fs::path& folder) {
    std::string name = folder.filename().string();
    return (name.size() > 1 && name.front() == '.') || name == "node_modules" ||
           name.starts_with("build") || name.starts_with("cmake-build-");
}

void addFile(const fs::path& file, DiscoveredInputs& inputs) {
    std::string path = file.lexically_normal().string();
    (isCppSource(path) ? inputs.cppSources : inputs.otherFiles).push_back(path);
}

void walkFolder(const fs::path& root, DiscoveredInputs& inputs) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        if (entry.is_symlink(ec) && entry.is_directory(ec)) {
            it.disable_recursion_pending();
        } else if (entry.is_directory(ec)) {
            if (isSkippedFolder(entry.path())) {
                it.disable_recursion_pending();
            }
        } else if (entry.is_regular_file(ec)) {
            addFile(entry.path(), inputs);
        }
    }
}

} // namespace

bool isCppSource(const std::string& path) {
    static const std::set<std::string> extensions = {".c", ".cc", ".cpp", ".cxx", ".c++", ".C"};
    return extensions.contains(fs::path(path).extension().string());
}

DiscoveredInputs discoverInputs(const std::vector<std::string>& paths) {
    DiscoveredInputs inputs;
    for (const std::string& path : paths) {
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            inputs.missingPaths.push_back(path);
        } else if (fs::is_directory(status)) {
            walkFolder(path, inputs);
        } else {
            addFile(path, inputs);
        }
    }
    for (auto* list : {&inputs.cppSources, &inputs.otherFiles}) {
        std::ranges::sort(*list);
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    return inputs;
}

} // namespace privaudit::core
