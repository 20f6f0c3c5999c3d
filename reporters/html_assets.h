#pragma once

#include <string_view>

namespace privaudit::reporters {

// The HTML report's style sheet and script, inlined into every report so it works offline.
extern const std::string_view htmlReportStyle;
extern const std::string_view htmlReportScript;

} // namespace privaudit::reporters
