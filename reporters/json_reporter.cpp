#include "reporters/json_reporter.h"

#include "core/paths.h"
#include "reporters/pretty_json_writer.h"

#include <string>
#include <variant>

namespace privaudit::reporters {

namespace {

std::string reportedFile(const std::string& file, const std::string& sourceRoot) {
    return file.empty() ? std::string() : core::relativePath(file, sourceRoot);
}

void describedLocation(PrettyJsonWriter& json, const core::SourceLocation& location,
                       const std::string& message, const std::string& sourceRoot) {
    json.beginObject();
    json.field("file", reportedFile(location.file, sourceRoot));
    json.field("line", location.line);
    json.field("column", location.column);
    json.field("endLine", location.endLine);
    json.field("endColumn", location.endColumn);
    json.field("message", message);
    json.endObject();
}

std::string_view baselineStateName(core::BaselineState state) {
    return state == core::BaselineState::Unchanged ? "unchanged" : "new";
}

// `absent`: a finding of the baseline that this scan no longer has.
void finding(PrettyJsonWriter& json, const core::Finding& finding, const std::string& sourceRoot,
             bool absent) {
    json.beginObject();
    json.field("ruleId", finding.ruleId);
    json.field("level", core::levelName(finding.level));
    json.field("severity", finding.securitySeverity);
    json.field("message", finding.message);
    json.field("file", reportedFile(finding.location.file, sourceRoot));
    json.field("line", finding.location.line);
    json.field("column", finding.location.column);
    json.field("endLine", finding.location.endLine);
    json.field("endColumn", finding.location.endColumn);
    json.key("categories");
    json.beginArray();
    for (const std::string& category : finding.categories) {
        json.value(category);
    }
    json.endArray();
    json.field("fingerprint", finding.fingerprint);
    json.field("suppressed", finding.suppression.has_value());
    if (finding.logicalLocation) {
        json.field("logicalLocation", finding.logicalLocation->fullyQualifiedName);
    }
    if (!finding.properties.empty()) {
        json.key("properties");
        json.beginObject();
        for (const auto& [name, value] : finding.properties) {
            json.key(name);
            std::visit([&](const auto& v) { json.value(v); }, value);
        }
        json.endObject();
    }
    if (finding.suppression) {
        json.field("justification", finding.suppression->justification);
    }
    bool hasBaselineState = finding.baselineState != core::BaselineState::None;
    if (hasBaselineState) {
        json.field("baselineState",
                   absent ? std::string_view("absent") : baselineStateName(finding.baselineState));
    }
    json.key("related");
    json.beginArray();
    for (const core::RelatedLocation& location : finding.related) {
        describedLocation(json, location.location, location.message, sourceRoot);
    }
    json.endArray();
    json.key("flows");
    json.beginArray();
    for (const core::CodeFlow& flow : finding.flows) {
        json.beginArray();
        for (const core::FlowStep& step : flow) {
            describedLocation(json, step.location, step.message, sourceRoot);
        }
        json.endArray();
    }
    json.endArray();
    if (absent && !hasBaselineState) {
        json.field("baselineState", std::string_view("absent"));
    }
    json.endObject();
}

void notification(PrettyJsonWriter& json, const core::Notification& notification,
                  const std::string& sourceRoot) {
    json.beginObject();
    json.field("id", core::describe(notification.kind).id);
    json.field("level", core::levelName(notification.level));
    json.field("message", notification.message);
    json.field("file", reportedFile(notification.location.file, sourceRoot));
    json.field("line", notification.location.line);
    json.endObject();
}

} // namespace

void writeJson(const core::ScanResult& scan, std::ostream& out) {
    PrettyJsonWriter json(out);
    json.beginObject();
    json.field("version", std::string_view(PRIVAUDIT_VERSION));
    json.key("findings");
    json.beginArray();
    for (const core::Finding& entry : scan.findings) {
        finding(json, entry, scan.sourceRoot, false);
    }
    json.endArray();
    json.key("absentFindings");
    json.beginArray();
    for (const core::Finding& entry : scan.absentFindings) {
        finding(json, entry, scan.sourceRoot, true);
    }
    json.endArray();
    json.key("notifications");
    json.beginArray();
    for (const core::Notification& entry : scan.notifications) {
        notification(json, entry, scan.sourceRoot);
    }
    json.endArray();
    json.endObject();
    json.newline();
}

} // namespace privaudit::reporters
