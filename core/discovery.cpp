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

Notification unreadable(const fs::path& path, const std::string& message) {
    return {Notification::Kind::InputUnreadable,
            Level::Error,
            message,
            {path.lexically_normal().string()}};
}

// Symlinked folders are not followed, so a link cycle cannot make the walk loop; a folder the
// user cannot list and a file link that loops are reported rather than skipped in silence.
void walkFolder(const fs::path& root, DiscoveredInputs& inputs) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        std::error_code statusError;
        fs::file_status status = fs::status(entry.path(), statusError);
        if (entry.is_symlink(ec)) {
            if (statusError == std::errc::too_many_symbolic_link_levels) {
                inputs.notifications.push_back(
                    unreadable(entry.path(), "symbolic link loop; not read"));
            } else if (fs::is_directory(status)) {
                it.disable_recursion_pending();
                continue;
            }
        }
        if (fs::is_directory(status)) {
            std::error_code listError;
            fs::directory_iterator probe(entry.path(), listError);
            if (isSkippedFolder(entry.path())) {
                it.disable_recursion_pending();
            } else if (listError) {
                inputs.notifications.push_back(
                    unreadable(entry.path(), "cannot read folder: " + listError.message()));
                it.disable_recursion_pending();
            }
        } else if (fs::is_regular_file(status)) {
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
            inputs.notifications.push_back(unreadable(path, "no such file or folder"));
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
    std::ranges::sort(inputs.notifications, {}, [](const Notification& n) { return n.location; });
    return inputs;
}

} // namespace privaudit::core
