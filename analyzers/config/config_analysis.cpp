#include "analyzers/config/config_analysis.h"

#include "analyzers/config/config_candidates.h"
#include "analyzers/config/text_encoding.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
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

// The parsed file, or nothing with a notification.
std::optional<ConfigFile> load(const std::string& path, const std::string* unsavedText,
                               ConfigAnalysis& analysis) {
    try {
        std::error_code sizeError;
        if (!unsavedText && std::filesystem::file_size(path, sizeError) > maxConfigFileSize &&
            !sizeError) {
            // Data, not configuration (a fixture, an export): said, but not an analysis failure.
            Notification note =
                notification(Notification::Kind::InputUnreadable, path,
                             "larger than " + std::to_string(maxConfigFileSize >> 20) +
                                 " MiB; not read as a configuration file");
            note.level = core::Level::Warning;
            analysis.notifications.push_back(std::move(note));
            return std::nullopt;
        }
        std::string failure;
        std::optional<std::string> text =
            unsavedText ? std::optional(*unsavedText) : readFile(path, failure);
        if (!text) {
            analysis.notifications.push_back(notification(Notification::Kind::InputUnreadable, path,
                                                          "cannot read file: " + failure));
            return std::nullopt;
        }
        if (!isUtf8Text(*text)) {
            analysis.notifications.push_back(
                notification(Notification::Kind::InputUnreadable, path,
                             "binary file (NUL bytes or invalid UTF-8); skipped"));
            return std::nullopt;
        }
        auto parsed = parseConfigFile(path, std::move(*text));
        if (const auto* error = std::get_if<LoadError>(&parsed)) {
            analysis.notifications.push_back(notification(
                Notification::Kind::ParseError, path,
                "invalid " + formatName(path) + ": " + error->message, error->line, error->column));
            return std::nullopt;
        }
        ConfigFile& file = std::get<ConfigFile>(parsed);
        for (const LoadError& warning : file.warnings) {
            Notification note = notification(Notification::Kind::ParseError, path, warning.message,
                                             warning.line, warning.column);
            note.level = core::Level::Warning;
            analysis.notifications.push_back(std::move(note));
        }
        return std::move(file);
    } catch (const std::exception& e) {
        analysis.notifications.push_back(
            notification(Notification::Kind::AnalysisCrashed, path, e.what()));
    }
    return std::nullopt;
}

// Runs one rule's work; a rule that throws costs its findings, not the scan's.
template <class Work>
void guarded(std::string_view ruleId, const std::string& path, ConfigAnalysis& analysis,
             Work work) {
    try {
        work();
    } catch (const std::exception& e) {
        analysis.notifications.push_back(
            notification(Notification::Kind::AnalysisCrashed, path,
                         "check " + std::string(ruleId) + " failed: " + e.what()));
    }
}

void checkFile(const ConfigFile& file, const BotProject* project, const ConfigRules& rules,
               ConfigAnalysis& analysis) {
    for (const ConfigCheck* check : rules.fileChecks) {
        guarded(check->ruleId(), file.path, analysis,
                [&] { check->check(file, analysis.findings); });
    }
    for (const DataRule* rule : rules.dataRules) {
        for (const auto& check : rule->checks) {
            guarded(rule->id, file.path, analysis,
                    [&] { check->checkFile(rule->id, file, project, analysis.findings); });
        }
    }
}

void checkProject(const BotProject& project, const ConfigRules& rules, ConfigAnalysis& analysis) {
    for (const ConfigProjectCheck* check : rules.projectChecks) {
        guarded(check->ruleId(), project.root, analysis,
                [&] { check->check(project, analysis.findings); });
    }
    for (const DataRule* rule : rules.dataRules) {
        for (const auto& check : rule->checks) {
            guarded(rule->id, project.root, analysis,
                    [&] { check->checkProject(rule->id, project, analysis.findings); });
        }
    }
}

} // namespace

ConfigAnalysis analyzeConfigFiles(const std::vector<std::string>& paths, const ConfigRules& rules,
                                  const std::map<std::string, std::string>& unsavedTexts) {
    ConfigAnalysis analysis;
    std::vector<ConfigFile> files;
    for (const std::string& path : paths) {
        auto unsaved = unsavedTexts.find(path);
        if (std::optional<ConfigFile> file =
                load(path, unsaved == unsavedTexts.end() ? nullptr : &unsaved->second, analysis)) {
            files.push_back(std::move(*file));
        }
    }
    std::vector<BotProject> projects = groupIntoProjects(files);
    std::map<const ConfigFile*, const BotProject*> projectOf;
    for (const BotProject& project : projects) {
        for (const ConfigFile* file : project.files) {
            projectOf[file] = &project;
        }
    }
    for (const ConfigFile& file : files) {
        auto project = projectOf.find(&file);
        checkFile(file, project == projectOf.end() ? nullptr : project->second, rules, analysis);
    }
    for (const BotProject& project : projects) {
        checkProject(project, rules, analysis);
    }
    return analysis;
}

ConfigAnalysis analyzeConfigFile(const std::string& path,
                                 const std::vector<const ConfigCheck*>& checks) {
    return analyzeConfigFiles({path}, {checks, {}, {}});
}

} // namespace privaudit::config
