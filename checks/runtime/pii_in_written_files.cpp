#include "analyzers/runtime/artifact_scanner.h"
#include "checks/runtime/canaries_at_rest.h"
#include "checks/runtime/recognizer_catalogue.h"
#include "core/check_registry.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <tuple>
#include <unistd.h>

namespace privaudit::checks {

namespace {

namespace fs = std::filesystem;

constexpr size_t maxFindingsPerFile = 100;

// The file's extension without a trailing ".gz" (its text is already gunzipped): how scan-data
// tells JSON lines, JSON and CSV apart.
std::string formatExtension(const std::string& path) {
    fs::path name(path);
    if (name.extension() == ".gz") {
        name = name.stem();
    }
    return name.extension().string();
}

// scan-data's recognizers over the bytes written during the run: the written text goes to a
// private temporary file named like the original (so JSON, JSON lines and CSV are parsed as
// scan-data parses them), and the findings are moved back to the original file and lines.
std::vector<core::Finding> recognize(const runtime::probe::WrittenFile& file,
                                     const runtime::ScanSettings& settings) {
    std::string extension = formatExtension(file.path);
    std::string name =
        (fs::temp_directory_path() / "privaudit-written-XXXXXX").string() + extension;
    int descriptor = ::mkstemps(name.data(), static_cast<int>(extension.size()));
    if (descriptor < 0) {
        return {};
    }
    bool written = ::write(descriptor, file.text.data(), file.text.size()) ==
                   static_cast<ssize_t>(file.text.size());
    ::close(descriptor);
    std::vector<core::Finding> findings;
    if (written) {
        findings = runtime::scanArtifact(name, settings, maxFindingsPerFile).findings;
    }
    std::remove(name.c_str());
    for (core::Finding& finding : findings) {
        finding.location.file = file.path;
        finding.location.line += file.firstLine - 1;
        finding.location.endLine += file.firstLine - 1;
    }
    return findings;
}

// Personal data the recognizers find in what the bot wrote during the run that is not one of
// the canaries (those are runtime/pii-at-rest and runtime/reversible-encoding-at-rest): data
// the bot made up, looked up or transformed past recognition by the canary matcher.
class PiiInWrittenFilesCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return runtime::piiInArtifactRule; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override;
};

core::CheckRegistration<ProbeCheck, PiiInWrittenFilesCheck> registration;

std::vector<core::Finding> PiiInWrittenFilesCheck::check(const ProbeEvidence& evidence) const {
    std::set<std::tuple<std::string, int, std::string>> canaryLines; // file, line, category
    for (const CanaryAtRest& canary : canariesAtRest(evidence)) {
        canaryLines.emplace(evidence.written[canary.file].path, canary.line,
                            runtime::probe::canaryCategory(canary.match.kind));
    }
    runtime::ScanSettings settings = defaultScanSettings();
    std::vector<core::Finding> findings;
    for (const runtime::probe::WrittenFile& file : evidence.written) {
        for (core::Finding& finding : recognize(file, settings)) {
            bool canary = std::ranges::any_of(finding.categories, [&](const std::string& category) {
                return canaryLines.contains({file.path, finding.location.line, category});
            });
            if (!canary) {
                finding.properties["sink"] = file.path + ":" +
                                             std::to_string(finding.location.line) + ":" +
                                             std::to_string(finding.location.column);
                findings.push_back(std::move(finding));
            }
        }
    }
    return findings;
}

} // namespace

} // namespace privaudit::checks
