#pragma once

#include "core/rule_catalogue.h"

namespace privaudit::checks {

// The rule catalogue built from the embedded checks/rules/*.yaml.
const core::RuleCatalogue& builtinCatalogue();

} // namespace privaudit::checks
