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

// nlohmann::json conversions, found by argument-dependent lookup.
void to_json(nlohmann::json& json, const SourceLocation& location);
void from_json(const nlohmann::json& json, SourceLocation& location);
void to_json(nlohmann::json& json, const FlowStep& step);
void from_json(const nlohmann::json& json, FlowStep& step);
void to_json(nlohmann::json& json, const RelatedLocation& related);
void from_json(const nlohmann::json& json, RelatedLocation& related);

nlohmann::json toJson(const AnalyzerOutput& output);
AnalyzerOutput analyzerOutputFromJson(const nlohmann::json& json);

} // namespace privaudit::core
