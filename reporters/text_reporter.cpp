#include "reporters/text_reporter.h"

#include "reporters/position.h"

#include <string>

namespace privaudit::reporters {

void writeText(const core::ScanResult& scan, std::ostream& out) {
    for (const core::Finding& finding : scan.findings) {
        if (finding.suppression) {
            continue;
        }
        out << positionText(finding.location, scan.sourceRoot) << ": "
            << core::levelName(finding.level) << ": " << finding.message << " [" << finding.ruleId
            << "]\n";
    }
}

} // namespace privaudit::reporters
