#include "analyzers/config/bot_project.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace privaudit::config {

namespace fs = std::filesystem;

namespace {

// Lex exports nest slots six folders below Bot.json.
constexpr int maxLevelsUp = 8;

std::vector<std::string_view> projectFileNames(Platform platform) {
    switch (platform) {
    case Platform::Rasa:
        return {"config.yml",  "config.yaml",   "domain.yml",
                "domain.yaml", "endpoints.yml", "endpoints.yaml"};
    case Platform::DialogflowCx:
    case Platform::DialogflowEs:
        return {"agent.json"};
    case Platform::AmazonLexV2:
        return {"Bot.json", "Manifest.json"};
    case Platform::BotFramework:
        return {"appsettings.json"};
    default:
        return {};
    }
}

bool holdsProjectFile(const fs::path& folder, Platform platform) {
    std::error_code error;
    for (std::string_view name : projectFileNames(platform)) {
        if (fs::is_regular_file(folder / name, error)) {
            return true;
        }
    }
    if (platform == Platform::BotFramework) {
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            if (entry.path().extension() == ".botproj") {
                return true;
            }
        }
    }
    return false;
}

fs::path projectRoot(const ConfigFile& file) {
    fs::path own = fs::absolute(file.path).lexically_normal().parent_path();
    fs::path folder = own;
    for (int level = 0; level <= maxLevelsUp && !projectFileNames(file.platform).empty(); ++level) {
        if (holdsProjectFile(folder, file.platform)) {
            return folder;
        }
        if (folder == folder.root_path() || folder.empty()) {
            break;
        }
        folder = folder.parent_path();
    }
    return own;
}

} // namespace

std::vector<BotProject> groupIntoProjects(const std::vector<ConfigFile>& files) {
    std::map<std::pair<Platform, std::string>, BotProject> projects;
    for (const ConfigFile& file : files) {
        if (file.platform == Platform::GenericYaml || file.platform == Platform::GenericJson) {
            continue;
        }
        std::string root = projectRoot(file).string();
        BotProject& project = projects[{file.platform, root}];
        project.platform = file.platform;
        project.root = root;
        project.files.push_back(&file);
    }
    std::vector<BotProject> result;
    for (auto& [key, project] : projects) {
        std::ranges::sort(project.files, {}, &ConfigFile::path);
        result.push_back(std::move(project));
    }
    return result;
}

} // namespace privaudit::config
