#pragma once

#include "analyzers/runtime/probe/canary_matcher.h"
#include "checks/runtime/probe_check.h"

#include <functional>
#include <string>
#include <vector>

namespace privaudit::checks {

// A canary the bot wrote to a file during the run.
struct CanaryAtRest {
    size_t file = 0; // index into ProbeEvidence::written
    int line = 0;    // line of that file
    int width = 0;   // bytes of that line
    runtime::probe::CanaryMatch match;
};

// Every canary in the files written during the run, line by line, in file and line order.
std::vector<CanaryAtRest> canariesAtRest(const ProbeEvidence& evidence);

// True for the forms anyone reading the file sees as the value: as sent, with case or spacing
// changed, JSON- or HTML-escaped.
bool readableAsIs(const std::string& transformation);

// One finding of `rule` per customer, kind of data and file for the canaries `selected`
// keeps, at the first line that holds one; `how` says in the message how the value is kept,
// e.g. "in cleartext".
std::vector<core::Finding> atRestFindings(const ProbeEvidence& evidence, std::string_view rule,
                                          const std::function<bool(const CanaryAtRest&)>& selected,
                                          const std::string& how);

} // namespace privaudit::checks
