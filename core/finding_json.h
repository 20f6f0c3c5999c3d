#pragma once

#include "core/finding.h"
#include "core/notification.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace privaudit::core {

// Lossless JSON form of analyzer output, used to carry results out of an isolated
// translation-unit job.
struct AnalyzerOutput {
    std::vector<Finding> findings;
    std::vector<Notification> notifications;
};

nlohmann::json toJson(const AnalyzerOutput& output);
AnalyzerOutput analyzerOutputFromJson(const nlohmann::json& json);

} // namespace privaudit::core
