#pragma once

#include "analyzers/runtime/probe/scenario.h"

#include <string>

namespace privaudit::cli {

// The scenario `spec` names: "builtin:en" or "builtin:de" (embedded from checks/scenarios/),
// or a YAML file. Returns an error message of one line ("FILE:LINE: what"), empty on success.
std::string loadProbeScenario(const std::string& spec, runtime::probe::Scenario& scenario);

} // namespace privaudit::cli
