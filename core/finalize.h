#pragma once

#include "core/finding.h"
#include "core/policy.h"
#include "core/rule_catalogue.h"
#include "core/source_files.h"

#include <vector>

namespace privaudit::core {

// Turns what the checks reported into what the report shows: drops findings of disabled
// rules, in excluded files, of unknown rules and duplicates (a header seen from several
// translation units); sets level and severity from the catalogue and policy; marks inline
// suppressions; sorts; assigns fingerprints.
std::vector<Finding> finalizeFindings(std::vector<Finding> findings, const RuleCatalogue& catalogue,
                                      const Policy& policy, SourceFiles& sources,
                                      const std::string& sourceRoot);

} // namespace privaudit::core
