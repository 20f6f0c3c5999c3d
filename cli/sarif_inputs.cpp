#include "cli/sarif_inputs.h"

#include "core/sarif_reader.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <tuple>

namespace privaudit::cli {

std::string readSarifReports(const std::vector<std::string>& files, const std::string& sourceRoot,
                             core::ScanResult& result) {
    result.sourceRoot = sourceRoot;
    for (const std::string& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            return file + ": cannot read the file";
        }
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (std::string error = core::readSarif(text, sourceRoot, result); !error.empty()) {
            return file + ": " + error;
        }
    }
    auto sameFinding = [](const core::Finding& a, const core::Finding& b) {
        return std::tie(a.location, a.ruleId, a.message) ==
               std::tie(b.location, b.ruleId, b.message);
    };
    for (auto* findings : {&result.findings, &result.absentFindings}) {
        std::ranges::stable_sort(*findings, core::findingOrder);
        findings->erase(std::unique(findings->begin(), findings->end(), sameFinding),
                        findings->end());
    }
    std::ranges::sort(result.analyzedFiles);
    result.analyzedFiles.erase(std::ranges::unique(result.analyzedFiles).begin(),
                               result.analyzedFiles.end());
    return {};
}

} // namespace privaudit::cli
