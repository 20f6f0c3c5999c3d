#pragma once

#include <string>
#include <vector>

namespace privaudit::cli {

// `privaudit report FILE.sarif... [--format F] [-o OUT]`: renders SARIF reports of earlier
// scans (several are joined) as an HTML audit report, Markdown, JUnit XML, JSON, SARIF or text.
int runReport(const std::vector<std::string>& args);

} // namespace privaudit::cli
