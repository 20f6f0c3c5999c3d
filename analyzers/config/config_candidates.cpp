#include "analyzers/config/config_candidates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
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

// Amazon Connect exports flows without an extension: a JSON object that names its flow
// language version or start action early on.
bool isExtensionlessContactFlow(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), std::ssize(head));
    head.resize(static_cast<size_t>(in.gcount()));
    size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return start != std::string::npos && head[start] == '{' &&
           (head.find("\"StartAction\"") != std::string::npos ||
            head.find("\"2019-10-30\"") != std::string::npos);
}

} // namespace

bool isConfigCandidate(const std::filesystem::path& path) {
    std::string name = lowercase(path.filename().string());
    if (isKnownNonConfig(name)) {
        return false;
    }
    return hasConfigExtension(name) || (!path.has_extension() && isExtensionlessContactFlow(path));
}

} // namespace privaudit::config
