#pragma once

#include "core/rule_catalogue.h"
#include "reporters/sarif_location.h"

#include <string_view>
#include <vector>

namespace privaudit::reporters {

inline constexpr std::string_view privauditInformationUri =
    "https://github.com/privaudit/privaudit";

// run.tool: the privaudit driver with every catalogue rule (in catalogue order, so a result's
// ruleIndex is RuleCatalogue::indexOf), the notification descriptors and the CWE taxonomy.
// `cwes` is referencedCwes(catalogue).
SarifJson sarifTool(const core::RuleCatalogue& catalogue, const std::vector<int>& cwes);

} // namespace privaudit::reporters
