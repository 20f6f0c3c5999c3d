#pragma once

#include <cstdint>
#include <filesystem>

namespace privaudit::config {

// Larger files are not configuration; they are skipped with a warning rather than parsed.
inline constexpr std::uintmax_t maxConfigFileSize = 8 * 1024 * 1024;

// Whether a scan reads `path` as a bot configuration: .yaml, .yml, .json, .jsonc and .dialog
// files and Amazon Connect flows exported without an extension, except well-known non-configs
// (compile_commands.json, lock files, tsconfig*.json, SARIF reports, the .privaudit.yaml policy).
bool isConfigCandidate(const std::filesystem::path& path);

} // namespace privaudit::config
