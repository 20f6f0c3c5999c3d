#include "reporters/junit_reporter.h"

#include "core/paths.h"
#include "reporters/html_text.h"
#include "reporters/position.h"

#include <map>
#include <sstream>

namespace privaudit::reporters {

namespace {

// Why a finding does not fail the run, or empty when it does.
std::string skipReason(const core::Finding& finding, core::Level failOn) {
    if (finding.suppression) {
        return "suppressed: " + finding.suppression->justification;
    }
    if (finding.baselineState == core::BaselineState::Unchanged) {
        return "in the baseline";
    }
    if (failOn == core::Level::None || finding.level < failOn) {
        return "below --fail-on";
    }
    return {};
}

std::string details(const core::Finding& finding, const std::string& sourceRoot) {
    std::string text = positionText(finding.location, sourceRoot) + ": " + finding.message + "\n";
    for (const core::CodeFlow& flow : finding.flows) {
        text += "flow:\n";
        for (const core::FlowStep& step : flow) {
            text += "  " + positionText(step.location, sourceRoot) + ": " + step.message + "\n";
        }
    }
    return text;
}

} // namespace

void writeJunit(const core::ScanResult& scan, const core::RuleCatalogue& catalogue,
                core::Level failOn, std::ostream& out) {
    std::map<std::string, std::vector<const core::Finding*>> byRule;
    for (const core::Rule& rule : catalogue.rules()) {
        byRule[rule.id];
    }
    for (const core::Finding& finding : scan.findings) {
        byRule[finding.ruleId].push_back(&finding);
    }
    std::ostringstream suites;
    int totalTests = 0, totalFailures = 0, totalSkipped = 0;
    for (const auto& [ruleId, findings] : byRule) {
        std::ostringstream cases;
        int failures = 0, skipped = 0;
        for (const core::Finding* finding : findings) {
            std::string position = positionText(finding->location, scan.sourceRoot);
            cases << "    <testcase classname=\"privaudit." << htmlEscaped(ruleId) << "\" name=\""
                  << htmlEscaped(position) << "\" file=\""
                  << htmlEscaped(core::relativePath(finding->location.file, scan.sourceRoot))
                  << "\" line=\"" << finding->location.line << "\">\n";
            std::string reason = skipReason(*finding, failOn);
            if (reason.empty()) {
                ++failures;
                cases << "      <failure type=\"" << core::levelName(finding->level)
                      << "\" message=\"" << htmlEscaped(finding->message) << "\">"
                      << htmlEscaped(details(*finding, scan.sourceRoot)) << "</failure>\n";
            } else {
                ++skipped;
                cases << "      <skipped message=\"" << htmlEscaped(reason) << "\"/>\n"
                      << "      <system-out>" << htmlEscaped(details(*finding, scan.sourceRoot))
                      << "</system-out>\n";
            }
            cases << "    </testcase>\n";
        }
        int tests = static_cast<int>(findings.size());
        if (findings.empty()) {
            tests = 1;
            cases << "    <testcase classname=\"privaudit." << htmlEscaped(ruleId)
                  << "\" name=\"no findings\"/>\n";
        }
        suites << "  <testsuite name=\"" << htmlEscaped(ruleId) << "\" tests=\"" << tests
               << "\" failures=\"" << failures << "\" errors=\"0\" skipped=\"" << skipped << "\">\n"
               << cases.str() << "  </testsuite>\n";
        totalTests += tests;
        totalFailures += failures;
        totalSkipped += skipped;
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"privaudit\" tests=\""
        << totalTests << "\" failures=\"" << totalFailures << "\" errors=\"0\" skipped=\""
        << totalSkipped << "\">\n"
        << suites.str() << "</testsuites>\n";
}

} // namespace privaudit::reporters
