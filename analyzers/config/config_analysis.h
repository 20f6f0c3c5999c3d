#pragma once

#include "analyzers/config/config_check.h"
#include "analyzers/config/data_rule.h"
#include "core/finding.h"
#include "core/notification.h"

#include <map>
#include <string>
#include <vector>

namespace privaudit::config {

struct ConfigAnalysis {
    std::vector<core::Finding> findings;
    std::vector<core::Notification> notifications;
};

// What to run on the configuration files of a scan.
struct ConfigRules {
    std::vector<const ConfigCheck*> fileChecks;
    std::vector<const ConfigProjectCheck*> projectChecks;
    std::vector<const DataRule*> dataRules;
};

// Reads, parses and checks configuration files: each file on its own, then each bot (the
// files grouped by groupIntoProjects) as a whole. A file that cannot be read, is not UTF-8
// text, is too large or does not parse yields a notification instead of findings. Never throws.
// `unsavedTexts` stand for the content of the files they name (an editor's buffers).
ConfigAnalysis analyzeConfigFiles(const std::vector<std::string>& paths, const ConfigRules& rules,
                                  const std::map<std::string, std::string>& unsavedTexts = {});

// One file with per-file checks only.
ConfigAnalysis analyzeConfigFile(const std::string& path,
                                 const std::vector<const ConfigCheck*>& checks);

} // namespace privaudit::config
