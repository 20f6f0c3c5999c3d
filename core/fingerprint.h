#pragma once

#include "core/finding.h"
#include "core/source_files.h"

#include <string>
#include <vector>

namespace privaudit::core {

// Gives every finding a fingerprint that survives line shifts: a hash of the rule, the file
// (relative to `sourceRoot`) and the text of the primary line without whitespace, plus the
// finding's ordinal among findings with the same hash. `findings` must be in report order.
void assignFingerprints(std::vector<Finding>& findings, SourceFiles& sources,
                        const std::string& sourceRoot);

} // namespace privaudit::core
