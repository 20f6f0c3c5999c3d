#include "core/scan_result.h"

#include <algorithm>

namespace privaudit::core {

bool ScanResult::executionSuccessful() const {
    return std::ranges::none_of(notifications,
                                [](const Notification& n) { return n.level == Level::Error; });
}

std::string_view ScanResult::snippet(const SourceLocation& location) const {
    auto found = snippets.find({location.file, location.line});
    return found == snippets.end() ? std::string_view() : std::string_view(found->second);
}

} // namespace privaudit::core
