#pragma once

#include "core/finding.h"

#include <string>

namespace privaudit::reporters {

// "file:line:col" relative to `sourceRoot`, leaving out what is unknown, as compilers and
// editors write positions.
std::string positionText(const core::SourceLocation& location, const std::string& sourceRoot);

} // namespace privaudit::reporters
