#include "reporters/sarif_result.h"

#include <string>
#include <variant>

namespace privaudit::reporters {

namespace {

// A location with an optional message, as used for related locations and flow steps.
SarifJson describedLocation(const core::SourceLocation& location, const std::string& message,
                            const core::ScanResult& scan) {
    SarifJson described = {{"physicalLocation", sarifPhysicalLocation(location, scan.sourceRoot,
                                                                      scan.snippet(location))}};
    if (!message.empty()) {
        described["message"] = sarifMessage(message);
    }
    return described;
}

// Ids start at 1 in the order of Finding::related, so a message can link "[text](1)".
SarifJson relatedLocations(const core::Finding& finding, const core::ScanResult& scan) {
    SarifJson locations = SarifJson::array();
    int id = 1;
    for (const core::RelatedLocation& related : finding.related) {
        SarifJson location = {{"id", id++}};
        location.update(describedLocation(related.location, related.message, scan));
        locations.push_back(location);
    }
    return locations;
}

SarifJson codeFlows(const core::Finding& finding, const core::ScanResult& scan) {
    SarifJson codeFlows = SarifJson::array();
    for (const core::CodeFlow& flow : finding.flows) {
        SarifJson steps = SarifJson::array();
        for (const core::FlowStep& step : flow) {
            steps.push_back({{"location", describedLocation(step.location, step.message, scan)}});
        }
        SarifJson threadFlow = {{"locations", steps}};
        codeFlows.push_back({{"threadFlows", SarifJson::array({threadFlow})}});
    }
    return codeFlows;
}

SarifJson suppressions(const core::Suppression& suppression) {
    bool inSource = suppression.kind == core::Suppression::Kind::InSource;
    SarifJson entry = {{"kind", inSource ? "inSource" : "external"}, {"status", "accepted"}};
    if (!suppression.justification.empty()) {
        entry["justification"] = suppression.justification;
    }
    return SarifJson::array({entry});
}

std::string_view baselineStateName(core::BaselineState state) {
    return state == core::BaselineState::Unchanged ? "unchanged" : "new";
}

} // namespace

SarifJson sarifResult(const core::Finding& finding, int ruleIndex, const core::ScanResult& scan) {
    SarifJson primary = describedLocation(finding.location, {}, scan);
    if (finding.logicalLocation) {
        primary["logicalLocations"] =
            SarifJson::array({{{"fullyQualifiedName", finding.logicalLocation->fullyQualifiedName},
                               {"kind", finding.logicalLocation->kind}}});
    }
    SarifJson result = {
        {"ruleId", finding.ruleId},
        {"ruleIndex", ruleIndex},
        {"level", core::levelName(finding.level)},
        {"message", sarifMessage(limitText(finding.message))},
        {"locations", SarifJson::array({primary})},
    };
    if (!finding.related.empty()) {
        result["relatedLocations"] = relatedLocations(finding, scan);
    }
    if (!finding.flows.empty()) {
        result["codeFlows"] = codeFlows(finding, scan);
    }
    if (!finding.fingerprint.empty()) {
        result["partialFingerprints"] = {{"privauditFinding/v1", finding.fingerprint}};
    }
    if (finding.baselineState != core::BaselineState::None) {
        result["baselineState"] = baselineStateName(finding.baselineState);
    }
    if (finding.suppression) {
        result["suppressions"] = suppressions(*finding.suppression);
    }
    SarifJson properties = SarifJson::object();
    if (!finding.categories.empty()) {
        properties["dataCategories"] = finding.categories;
    }
    for (const auto& [name, value] : finding.properties) {
        std::visit([&](const auto& v) { properties[name] = v; }, value);
    }
    if (!properties.empty()) {
        result["properties"] = properties;
    }
    return result;
}

} // namespace privaudit::reporters
