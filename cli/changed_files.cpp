#include "cli/changed_files.h"

#include "core/shell_quote.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sys/wait.h>

namespace privaudit::cli {

namespace fs = std::filesystem;

namespace {

// Runs `git -C folder ARGS`; its stdout, or nullopt when git fails.
std::optional<std::string> git(const std::string& folder, const std::string& args) {
    std::string command = "git -C " + core::shellQuoted(folder) + " " + args + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        return std::nullopt;
    }
    std::string output;
    std::array<char, 4096> buffer;
    for (size_t read; (read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
        output.append(buffer.data(), read);
    }
    int status = pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return std::nullopt;
    }
    return output;
}

std::string canonical(const std::string& path) {
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(path), ec).string();
}

} // namespace

std::string changedFilesSince(const std::string& ref, const std::string& folder,
                              std::set<std::string>& changed) {
    auto topLevel = git(folder, "rev-parse --show-toplevel");
    if (!topLevel) {
        return folder + " is not in a git checkout";
    }
    std::string root = topLevel->substr(0, topLevel->find('\n'));
    if (!git(root, "rev-parse --verify --quiet " + core::shellQuoted(ref + "^{commit}"))) {
        return "unknown git revision '" + ref + "'";
    }
    auto differing = git(root, "diff --name-only -z " + core::shellQuoted(ref) + " --");
    auto untracked = git(root, "ls-files --others --exclude-standard -z");
    if (!differing || !untracked) {
        return "git could not compare the checkout with '" + ref + "'";
    }
    for (const std::string* list : {&*differing, &*untracked}) {
        for (size_t start = 0; start < list->size();) {
            size_t end = list->find('\0', start);
            end = end == std::string::npos ? list->size() : end;
            if (end > start) {
                changed.insert(canonical(root + "/" + list->substr(start, end - start)));
            }
            start = end + 1;
        }
    }
    return {};
}

void keepFindingsOfChangedFiles(std::vector<core::Finding>& findings,
                                const std::set<std::string>& changed,
                                const std::map<std::string, std::vector<std::string>>& includes) {
    std::set<std::string> affectedUnits;
    for (const auto& [unit, headers] : includes) {
        bool affected = changed.contains(canonical(unit));
        for (const std::string& header : headers) {
            affected = affected || changed.contains(canonical(header));
        }
        if (affected) {
            affectedUnits.insert(canonical(unit));
        }
    }
    auto touched = [&](const core::SourceLocation& location) {
        std::string file = canonical(location.file);
        return changed.contains(file) || affectedUnits.contains(file);
    };
    std::erase_if(findings, [&](const core::Finding& finding) {
        if (touched(finding.location)) {
            return false;
        }
        for (const core::CodeFlow& flow : finding.flows) {
            for (const core::FlowStep& step : flow) {
                if (changed.contains(canonical(step.location.file))) {
                    return false;
                }
            }
        }
        return true;
    });
}

} // namespace privaudit::cli
