#pragma once

#include "analyzers/config/data_rule.h"
#include "core/doc_tree.h"
#include "core/notification.h"
#include "core/rule_catalogue.h"

#include <string>
#include <vector>

namespace privaudit::checks {

// The built-in declarative config rules (checks/config/*.yaml, embedded). Each names a rule of
// the built-in catalogue.
const std::vector<config::DataRule>& builtinDataRules();

// The policy file's `config-rules`: each entry is a catalogue entry (id, title, level, ...)
// plus `checks`. Valid rules are added to `catalogue` and returned; problems become
// PolicyError notifications naming the policy file's line.
std::vector<config::DataRule> loadUserDataRules(const core::DocNode& configRules,
                                                const std::string& policyPath,
                                                core::RuleCatalogue& catalogue,
                                                std::vector<core::Notification>& notifications);

} // namespace privaudit::checks
