#include "analyzers/config/config_candidates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

namespace privaudit::config {

namespace {

std::string lowercase(std::string text) {
    std::ranges::transform(text, text.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool hasConfigExtension(const std::string& name) {
    static constexpr std::array<std::string_view, 5> extensions = {".yaml", ".yml", ".json",
                                                                   ".jsonc", ".dialog"};
    return std::ranges::any_of(extensions, [&](std::string_view e) { return name.ends_with(e); });
}

bool isKnownNonConfig(const std::string& name) {
    static constexpr std::array<std::string_view, 5> names = {
        "compile_commands.json", "package-lock.json", "npm-shrinkwrap.json", ".privaudit.yaml",
        ".privaudit.yml"};
    return std::ranges::find(names, name) != names.end() ||
           (name.starts_with("tsconfig") && name.ends_with(".json")) || name.ends_with(".sarif") ||
           name.ends_with(".sarif.json");
}

} // namespace

bool isConfigCandidate(const std::filesystem::path& path) {
    std::string name = lowercase(path.filename().string());
    if (!hasConfigExtension(name) || isKnownNonConfig(name)) {
        return false;
    }
    std::error_code error;
    std::uintmax_t size = std::filesystem::file_size(path, error);
    // A file whose size cannot be read stays a candidate, so the scan reports why it failed.
    return error || size <= maxConfigFileSize;
}

} // namespace privaudit::config
