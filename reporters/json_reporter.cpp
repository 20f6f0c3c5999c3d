#include "reporters/json_reporter.h"

#include "core/paths.h"

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

namespace privaudit::reporters {

namespace {

using Json = nlohmann::ordered_json;

std::string reportedFile(const std::string& file, const std::string& sourceRoot) {
    return file.empty() ? std::string() : core::relativePath(file, sourceRoot);
}

Json describedLocation(const core::SourceLocation& location, const std::string& message,
                       const std::string& sourceRoot) {
    return {
        {"file", reportedFile(location.file, sourceRoot)},
        {"line", location.line},
        {"column", location.column},
        {"endLine", location.endLine},
        {"endColumn", location.endColumn},
        {"message", message},
    };
}

std::string_view baselineStateName(core::BaselineState state) {
    return state == core::BaselineState::Unchanged ? "unchanged" : "new";
}

Json finding(const core::Finding& finding, const std::string& sourceRoot) {
    Json entry = {
        {"ruleId", finding.ruleId},
        {"level", core::levelName(finding.level)},
        {"severity", finding.securitySeverity},
        {"message", finding.message},
        {"file", reportedFile(finding.location.file, sourceRoot)},
        {"line", finding.location.line},
        {"column", finding.location.column},
        {"endLine", finding.location.endLine},
        {"endColumn", finding.location.endColumn},
        {"categories", finding.categories},
        {"fingerprint", finding.fingerprint},
        {"suppressed", finding.suppression.has_value()},
    };
    if (finding.logicalLocation) {
        entry["logicalLocation"] = finding.logicalLocation->fullyQualifiedName;
    }
    for (const auto& [name, value] : finding.properties) {
        std::visit([&](const auto& v) { entry["properties"][name] = v; }, value);
    }
    if (finding.suppression) {
        entry["justification"] = finding.suppression->justification;
    }
    if (finding.baselineState != core::BaselineState::None) {
        entry["baselineState"] = baselineStateName(finding.baselineState);
    }
    Json related = Json::array();
    for (const core::RelatedLocation& location : finding.related) {
        related.push_back(describedLocation(location.location, location.message, sourceRoot));
    }
    entry["related"] = related;
    Json flows = Json::array();
    for (const core::CodeFlow& flow : finding.flows) {
        Json steps = Json::array();
        for (const core::FlowStep& step : flow) {
            steps.push_back(describedLocation(step.location, step.message, sourceRoot));
        }
        flows.push_back(steps);
    }
    entry["flows"] = flows;
    return entry;
}

Json notification(const core::Notification& notification, const std::string& sourceRoot) {
    return {
        {"id", core::describe(notification.kind).id},
        {"level", core::levelName(notification.level)},
        {"message", notification.message},
        {"file", reportedFile(notification.location.file, sourceRoot)},
        {"line", notification.location.line},
    };
}

} // namespace

void writeJson(const core::ScanResult& scan, std::ostream& out) {
    Json findings = Json::array();
    for (const core::Finding& entry : scan.findings) {
        findings.push_back(finding(entry, scan.sourceRoot));
    }
    Json absent = Json::array();
    for (const core::Finding& entry : scan.absentFindings) {
        absent.push_back(finding(entry, scan.sourceRoot));
        absent.back()["baselineState"] = "absent";
    }
    Json notifications = Json::array();
    for (const core::Notification& entry : scan.notifications) {
        notifications.push_back(notification(entry, scan.sourceRoot));
    }
    Json report = {
        {"version", PRIVAUDIT_VERSION},
        {"findings", findings},
        {"absentFindings", absent},
        {"notifications", notifications},
    };
    out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace privaudit::reporters
