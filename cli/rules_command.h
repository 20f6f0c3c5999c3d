#pragma once

#include <string>
#include <vector>

namespace privaudit::cli {

// Runs `privaudit rules [--format text|json|markdown]`; returns the exit code.
int runRules(const std::vector<std::string>& args);

} // namespace privaudit::cli
