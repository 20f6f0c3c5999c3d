#pragma once

#include "analyzers/runtime/probe/canaries.h"

#include <string>

namespace privaudit::runtime::probe {

// The built-in English conversation: the customer introduces themself, hands over contact
// and payment details, asks for their own data back and for "the last customer's". Round r
// sends turn r modulo the scenario's length, so any number of rounds works.
std::string scenarioMessage(const SyntheticCustomer& customer, int round);

int scenarioLength();

} // namespace privaudit::runtime::probe
