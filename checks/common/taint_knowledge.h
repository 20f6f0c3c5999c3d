#pragma once

#include "analyzers/cpp/dataflow_check.h"
#include "analyzers/cpp/taint_engine.h"
#include "core/notification.h"
#include "core/policy.h"

#include <vector>

namespace privaudit::checks {

// The taint engine's knowledge: the flow models of checks/models/*.yaml and the personal-data
// vocabulary of checks/models/personal-data.yaml, extended by the policy's `sensitive` names
// and `models`. Problems in those become PolicyError notifications naming the policy file.
cpp::TaintKnowledge taintKnowledgeFor(const core::Policy& policy,
                                      std::vector<core::Notification>& errors);

// The same without a policy: what the checks know by default.
const cpp::TaintKnowledge& builtinTaintKnowledge();

// "e-mail address" for "email", from the vocabulary.
std::string categoryDisplayName(std::string_view category);

} // namespace privaudit::checks
