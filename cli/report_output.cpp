#include "cli/report_output.h"

#include "analyzers/config/document_loader.h"
#include "checks/catalogue.h"
#include "core/atomic_file.h"
#include "core/paths.h"
#include "reporters/text_reporter.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace privaudit::cli {

namespace fs = std::filesystem;
using core::Level;
using core::Notification;

namespace {

Notification policyError(const std::string& path, int line, int column, std::string message) {
    return {
        Notification::Kind::PolicyError, Level::Error, std::move(message), {path, line, column}};
}

void render(const core::ScanResult& result, ReportFormat format, const ReportRequest& request,
            std::ostream& out) {
    if (format != ReportFormat::Text) {
        writeReport(result, format,
                    {.omitSuppressed = request.omitSuppressed,
                     .failOn = request.failOn,
                     .catalogue = request.catalogue},
                    out);
        return;
    }
    reporters::writeText(result, out);
    if (request.textAppendix) {
        request.textAppendix(result, out);
    }
}

void printSummary(const core::ScanResult& result) {
    int counts[4] = {};
    int suppressed = 0;
    for (const core::Finding& finding : result.findings) {
        finding.suppression ? ++suppressed : ++counts[static_cast<int>(finding.level)];
    }
    std::cerr << "privaudit: " << counts[3] << " error(s), " << counts[2] << " warning(s), "
              << counts[1] << " note(s), " << suppressed << " suppressed in "
              << result.analyzedFiles.size() << " file(s)\n";
}

} // namespace

std::string utcNow() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return buffer;
}

std::string defaultSourceRoot(const std::string& firstPath) {
    std::error_code ec;
    fs::path folder = fs::weakly_canonical(fs::absolute(firstPath), ec);
    for (; !folder.empty(); folder = folder.parent_path()) {
        if (fs::exists(folder / ".git", ec)) {
            return folder.string();
        }
        if (folder == folder.root_path()) {
            break;
        }
    }
    return fs::current_path().string();
}

core::Policy loadPolicy(const std::optional<std::string>& policyFile, const std::string& firstPath,
                        std::vector<Notification>& notifications) {
    std::optional<std::string> path = policyFile ? policyFile : core::Policy::findUpward(firstPath);
    if (!path) {
        return {};
    }
    std::ifstream in(*path, std::ios::binary);
    if (!in) {
        notifications.push_back(policyError(*path, 0, 0, "cannot read the policy file"));
        return {};
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto loaded = config::loadDocuments(text, config::DocumentFormat::Yaml);
    if (loaded.error) {
        notifications.push_back(policyError(*path, loaded.error->line, loaded.error->column,
                                            "invalid YAML: " + loaded.error->message));
        return {};
    }
    if (loaded.documents.empty()) {
        return {};
    }
    return core::Policy::fromTree(loaded.documents.front(), *path, checks::builtinCatalogue(),
                                  notifications);
}

int exitCodeFor(const core::ScanResult& result, Level failOn, bool usageError) {
    bool policyError = std::ranges::any_of(result.notifications, [](const Notification& n) {
        return n.kind == Notification::Kind::PolicyError;
    });
    if (policyError || usageError) {
        return 2;
    }
    if (!result.executionSuccessful()) {
        return 3;
    }
    bool failing =
        failOn != Level::None && std::ranges::any_of(result.findings, [&](const core::Finding& f) {
            return !f.suppression && f.level >= failOn &&
                   f.baselineState != core::BaselineState::Unchanged;
        });
    return failing ? 1 : 0;
}

int emitReport(const core::ScanResult& result, const ReportRequest& request) {
    for (Notification notification : result.notifications) {
        if (!notification.location.file.empty()) {
            notification.location.file =
                core::relativePath(notification.location.file, result.sourceRoot);
        }
        std::cerr << notification.oneLine() << "\n";
    }
    if (request.output) {
        if (std::string error = core::writeFileAtomically(
                *request.output,
                [&](std::ostream& out) { render(result, request.format, request, out); });
            !error.empty()) {
            std::cerr << "privaudit: error: " << error << "\n";
            return 2;
        }
        if (!request.quiet && request.format != ReportFormat::Text) {
            render(result, ReportFormat::Text, request, std::cout);
        }
    } else {
        render(result, request.format, request, std::cout);
    }
    printSummary(result);
    return result.exitCode;
}

} // namespace privaudit::cli
