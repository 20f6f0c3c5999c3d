#include "core/baseline.h"

#include <algorithm>
#include <map>
#include <utility>

namespace privaudit::core {

void applyBaseline(ScanResult& current, const std::vector<Finding>& baseline) {
    // Fingerprints carry an ordinal, so equal keys on both sides pair up one to one.
    std::map<std::pair<std::string, std::string>, const Finding*> previous;
    for (const Finding& finding : baseline) {
        previous.emplace(std::pair(finding.ruleId, finding.fingerprint), &finding);
    }
    for (Finding& finding : current.findings) {
        bool known = previous.erase({finding.ruleId, finding.fingerprint}) > 0;
        finding.baselineState = known ? BaselineState::Unchanged : BaselineState::New;
    }
    current.absentFindings.clear();
    for (const auto& [key, finding] : previous) {
        current.absentFindings.push_back(*finding);
        current.absentFindings.back().baselineState = BaselineState::None;
    }
    std::ranges::sort(current.absentFindings, findingOrder);
}

} // namespace privaudit::core
