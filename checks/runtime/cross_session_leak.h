#pragma once

#include "analyzers/runtime/probe/probe_run.h"
#include "core/finding.h"

#include <string>
#include <vector>

namespace privaudit::checks {

inline constexpr const char* crossSessionLeakRule = "runtime/cross-session-leak";

// A canary of customer X, in any form the matcher knows, in a reply to customer Y. One finding
// per victim, observer and kind of data, at the first reply that shows it; its location is the
// line of that turn in the transcript file (`turn i` is line i + 1), its logical location the
// target and turn, and the related location the turn in which the victim gave the value away.
std::vector<core::Finding> findCrossSessionLeaks(const runtime::probe::ProbeRun& run,
                                                 const std::string& target,
                                                 const std::string& transcriptPath);

} // namespace privaudit::checks
