#pragma once

#include "analyzers/cpp/dataflow_check.h"
#include "analyzers/cpp/taint_engine.h"

namespace privaudit::checks {

// The taint engine's knowledge built from the embedded models: the flow models of
// checks/models/*.yaml and the personal-data vocabulary of checks/models/personal-data.yaml.
const cpp::TaintKnowledge& builtinTaintKnowledge();

// "e-mail address" for "email", from the vocabulary.
std::string categoryDisplayName(std::string_view category);

} // namespace privaudit::checks
