#pragma once

#include "cli/probe_options.h"

#include <string>
#include <vector>

namespace privaudit::cli {

// Runs `privaudit probe`; returns the exit code.
int runProbe(const ProbeOptions& options, const std::vector<std::string>& arguments);

} // namespace privaudit::cli
