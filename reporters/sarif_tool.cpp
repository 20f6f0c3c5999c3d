#include "reporters/sarif_tool.h"

#include "core/notification.h"
#include "reporters/sarif_taxonomy.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace privaudit::reporters {

namespace {

// GitHub reads security-severity as a string; one decimal keeps it out of the gaps between
// its severity bands (6.95, 8.95).
std::string securitySeverityText(double severity) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", severity);
    return text;
}

std::string helpUri(const core::Rule& rule) {
    std::string page = rule.id;
    std::ranges::replace(page, '/', '-');
    return std::string(privauditInformationUri) + "/blob/main/docs/rules/" + page + ".md";
}

SarifJson ruleDescriptor(const core::Rule& rule, const std::vector<int>& cwes) {
    SarifJson descriptor = {
        {"id", rule.id},
        {"name", rule.name},
        {"shortDescription", sarifMessage(limitText(rule.title))},
        {"fullDescription", sarifMessage(limitText(rule.description))},
        {"help", {{"text", rule.remediation}, {"markdown", rule.remediation}}},
        {"helpUri", helpUri(rule)},
        {"defaultConfiguration", {{"level", core::levelName(rule.defaultLevel)}}},
    };
    if (!rule.cwes.empty()) {
        SarifJson relationships = SarifJson::array();
        for (int cwe : rule.cwes) {
            relationships.push_back(
                {{"target", cweReference(cwe, cwes)}, {"kinds", SarifJson::array({"relevant"})}});
        }
        descriptor["relationships"] = relationships;
    }
    descriptor["properties"] = {
        {"tags", rule.tags()},
        {"precision", rule.precision},
        {"security-severity", securitySeverityText(rule.securitySeverity)},
    };
    return descriptor;
}

// GitHub requires fullDescription and help on notification descriptors too; core has one
// description for each, so it fills all three.
SarifJson notificationDescriptor(const core::NotificationDescriptor& descriptor) {
    return {
        {"id", descriptor.id},
        {"name", descriptor.name},
        {"shortDescription", sarifMessage(descriptor.description)},
        {"fullDescription", sarifMessage(descriptor.description)},
        {"help", sarifMessage(descriptor.description)},
    };
}

} // namespace

SarifJson sarifTool(const core::RuleCatalogue& catalogue, const std::vector<int>& cwes) {
    SarifJson rules = SarifJson::array();
    for (const core::Rule& rule : catalogue.rules()) {
        rules.push_back(ruleDescriptor(rule, cwes));
    }
    SarifJson notifications = SarifJson::array();
    for (const core::NotificationDescriptor& descriptor : core::notificationDescriptors()) {
        notifications.push_back(notificationDescriptor(descriptor));
    }
    SarifJson driver = {
        {"name", "privaudit"},
        {"fullName", "privaudit privacy-risk auditor for contact-center chatbots"},
        {"version", PRIVAUDIT_VERSION},
        {"semanticVersion", PRIVAUDIT_VERSION},
        {"informationUri", privauditInformationUri},
        {"rules", rules},
        {"notifications", notifications},
        {"supportedTaxonomies", supportedTaxonomies()},
    };
    return {{"driver", driver}};
}

} // namespace privaudit::reporters
