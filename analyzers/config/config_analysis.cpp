#include "analyzers/config/config_analysis.h"

#include "analyzers/config/config_candidates.h"
#include "analyzers/config/text_encoding.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace privaudit::config {

using core::Notification;

namespace {

Notification notification(Notification::Kind kind, const std::string& path, std::string message,
                          int line = 0, int column = 0) {
    Notification result;
    result.kind = kind;
    result.level = core::Level::Error;
    result.message = std::move(message);
    result.location.file = path;
    result.location.line = line;
    result.location.column = column;
    return result;
}

// The file's bytes, or the reason they could not be read.
std::optional<std::string> readFile(const std::string& path, std::string& failure) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        failure = "is a directory";
        return std::nullopt;
    }
    std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > maxConfigFileSize) {
        failure = "larger than " + std::to_string(maxConfigFileSize >> 20) +
                  " MiB; not read as a configuration file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        failure = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        failure = "read error";
        return std::nullopt;
    }
    return std::move(bytes).str();
}

std::string formatName(const std::string& path) {
    return formatForPath(path) == DocumentFormat::Json ? "JSON" : "YAML";
}

} // namespace

ConfigAnalysis analyzeConfigFile(const std::string& path,
                                 const std::vector<const ConfigCheck*>& checks) {
    ConfigAnalysis analysis;
    try {
        std::string failure;
        std::optional<std::string> text = readFile(path, failure);
        if (!text) {
            analysis.notifications.push_back(notification(Notification::Kind::InputUnreadable, path,
                                                          "cannot read file: " + failure));
            return analysis;
        }
        if (!isUtf8Text(*text)) {
            analysis.notifications.push_back(
                notification(Notification::Kind::InputUnreadable, path,
                             "binary file (NUL bytes or invalid UTF-8); skipped"));
            return analysis;
        }
        auto parsed = parseConfigFile(path, std::move(*text));
        if (const auto* error = std::get_if<LoadError>(&parsed)) {
            analysis.notifications.push_back(notification(
                Notification::Kind::ParseError, path,
                "invalid " + formatName(path) + ": " + error->message, error->line, error->column));
            return analysis;
        }
        const ConfigFile& file = std::get<ConfigFile>(parsed);
        for (const ConfigCheck* check : checks) {
            try {
                check->check(file, analysis.findings);
            } catch (const std::exception& e) {
                analysis.notifications.push_back(
                    notification(Notification::Kind::AnalysisCrashed, path,
                                 "check " + std::string(check->ruleId()) + " failed: " + e.what()));
            }
        }
    } catch (const std::exception& e) {
        analysis.notifications.push_back(
            notification(Notification::Kind::AnalysisCrashed, path, e.what()));
    }
    return analysis;
}

} // namespace privaudit::config
