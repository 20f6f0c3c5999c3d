#include "reporters/text_reporter.h"

#include "core/paths.h"

#include <string>

namespace privaudit::reporters {

namespace {

// "file:line:col", leaving out what is unknown, as compilers and editors expect it.
std::string position(const core::SourceLocation& location, const std::string& sourceRoot) {
    std::string text = core::relativePath(location.file, sourceRoot);
    if (location.line > 0) {
        text += ":" + std::to_string(location.line);
        if (location.column > 0) {
            text += ":" + std::to_string(location.column);
        }
    }
    return text;
}

} // namespace

void writeText(const core::ScanResult& scan, std::ostream& out) {
    for (const core::Finding& finding : scan.findings) {
        if (finding.suppression) {
            continue;
        }
        out << position(finding.location, scan.sourceRoot) << ": " << core::levelName(finding.level)
            << ": " << finding.message << " [" << finding.ruleId << "]\n";
    }
}

} // namespace privaudit::reporters
