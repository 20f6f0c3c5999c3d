#pragma once

#include "core/finding.h"
#include "core/source_files.h"

#include <optional>
#include <string_view>

namespace privaudit::core {

// An inline suppression for `ruleId` on `line`: a comment
//     privaudit-ignore[rule-id, other-rule]: reason
// (after // or /* in C/C++, after # in YAML) on the line itself or on the line above.
std::optional<Suppression> findInlineSuppression(SourceFiles& sources, const SourceLocation& at,
                                                 std::string_view ruleId);

} // namespace privaudit::core
