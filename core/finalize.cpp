#include "core/finalize.h"

#include "core/fingerprint.h"
#include "core/suppressions.h"

#include <algorithm>
#include <tuple>

namespace privaudit::core {

std::vector<Finding> finalizeFindings(std::vector<Finding> findings, const RuleCatalogue& catalogue,
                                      const Policy& policy, SourceFiles& sources,
                                      const std::string& sourceRoot) {
    std::vector<Finding> kept;
    for (Finding& finding : findings) {
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
