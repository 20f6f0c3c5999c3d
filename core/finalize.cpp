#include "core/finalize.h"

#include "core/fingerprint.h"
#include "core/suppressions.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

namespace privaudit::core {

namespace {

// Analyzers name files as they found them (relative to the working folder, or absolute); one
// absolute form makes the report order and duplicate detection independent of that.
class AbsolutePaths {
public:
    void normalize(Finding& finding) {
        normalize(finding.location);
        for (RelatedLocation& related : finding.related) {
            normalize(related.location);
        }
        for (CodeFlow& flow : finding.flows) {
            for (FlowStep& step : flow) {
                normalize(step.location);
            }
        }
    }

private:
    void normalize(SourceLocation& location) {
        if (location.file.empty()) {
            return;
        }
        auto [entry, added] = known_.try_emplace(location.file);
        if (added) {
            std::error_code ec;
            entry->second =
                std::filesystem::weakly_canonical(std::filesystem::absolute(location.file), ec)
                    .string();
        }
        location.file = entry->second;
    }
    std::map<std::string, std::string> known_;
};

} // namespace

std::vector<Finding> finalizeFindings(std::vector<Finding> findings, const RuleCatalogue& catalogue,
                                      const Policy& policy, SourceFiles& sources,
                                      const std::string& sourceRoot) {
    std::vector<Finding> kept;
    AbsolutePaths paths;
    for (Finding& finding : findings) {
        paths.normalize(finding);
        const Rule* rule = catalogue.find(finding.ruleId);
        if (!rule || !policy.isEnabled(finding.ruleId) ||
            policy.isExcluded(finding.location.file)) {
            continue;
        }
        finding.level = policy.levelFor(*rule);
        finding.securitySeverity = rule->securitySeverity;
        finding.suppression = findInlineSuppression(sources, finding.location, finding.ruleId);
        kept.push_back(std::move(finding));
    }
    std::ranges::sort(kept, findingOrder);
    auto sameFinding = [](const Finding& a, const Finding& b) {
        return std::tie(a.location, a.ruleId, a.message) ==
               std::tie(b.location, b.ruleId, b.message);
    };
    kept.erase(std::unique(kept.begin(), kept.end(), sameFinding), kept.end());
    assignFingerprints(kept, sources, sourceRoot);
    return kept;
}

} // namespace privaudit::core
