#pragma once

#include "analyzers/config/config_check.h"
#include "core/finding.h"
#include "core/notification.h"

#include <string>
#include <vector>

namespace privaudit::config {

struct ConfigAnalysis {
    std::vector<core::Finding> findings;
    std::vector<core::Notification> notifications;
};

// Reads, parses and checks one configuration file. A file that cannot be read, is not UTF-8
// text, is too large or does not parse yields a notification instead of findings. Never throws.
ConfigAnalysis analyzeConfigFile(const std::string& path,
                                 const std::vector<const ConfigCheck*>& checks);

} // namespace privaudit::config
