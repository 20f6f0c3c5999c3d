#pragma once

#include "core/finding.h"
#include "core/source_files.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::core {

// Gives every finding a fingerprint that survives line shifts: a hash of the rule, the file
// (relative to `sourceRoot`) and the text of the primary line without whitespace, plus the
// finding's ordinal among findings with the same hash. `findings` must be in report order.
void assignFingerprints(std::vector<Finding>& findings, SourceFiles& sources,
                        const std::string& sourceRoot);

// A stable 64-bit FNV-1a hash of the fields, as 16 hex digits, for analyzers whose findings
// are fingerprinted by something other than the line's text.
std::string stableHash(std::initializer_list<std::string_view> fields);

} // namespace privaudit::core
