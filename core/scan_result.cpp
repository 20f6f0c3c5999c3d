#include "core/scan_result.h"

#include <algorithm>

namespace privaudit::core {

bool ScanResult::executionSuccessful() const {
    return std::ranges::none_of(notifications,
                                [](const Notification& n) { return n.level == Level::Error; });
}

} // namespace privaudit::core
