#include "reporters/report_model.h"

#include "core/paths.h"

#include <algorithm>

namespace privaudit::reporters {

namespace {

struct PracticeDefinition {
    const char* name;
    const char* question;
    std::vector<std::string> categories;
};

// The four practices the issue names for contact-center bots, then the security basics.
const std::vector<PracticeDefinition>& practiceDefinitions() {
    static const std::vector<PracticeDefinition> definitions = {
        {"Anonymization",
         "Is personal data redacted or pseudonymised before it is logged, shared or kept?",
         {"anonymization", "logging", "disclosure"}},
        {"Human oversight",
         "Can a customer reach a human, and are bot decisions reviewable?",
         {"oversight"}},
        {"Retention",
         "Is personal data deleted or expired when it is no longer needed?",
         {"retention"}},
        {"Transparency",
         "Are customers told they talk to an AI and how their data is used?",
         {"transparency"}},
        {"Encryption",
         "Is personal data encrypted at rest, in transit and wiped from memory?",
         {"storage", "transport", "crypto", "memory"}},
        {"Access control", "Is personal data read only after an authorization check?", {"access"}},
        {"Session isolation",
         "Can one customer's data reach another customer's session?",
         {"session"}},
        {"Secrets", "Are credentials and keys kept out of code and configuration?", {"secrets"}},
    };
    return definitions;
}

const std::map<std::string, std::string>& inventoryColumnOfCategory() {
    static const std::map<std::string, std::string> columns = {
        {"logging", "logged"},
        {"storage", "stored"},
        {"disclosure", "sent to third parties"},
        {"transport", "sent over the network"},
    };
    return columns;
}

// The sink as the last flow step names it ("reaches spdlog" -> "spdlog"), else the file.
std::string sinkOf(const core::Finding& finding, const std::string& sourceRoot) {
    std::string place = core::relativePath(finding.location.file, sourceRoot) + ":" +
                        std::to_string(finding.location.line);
    if (!finding.flows.empty() && !finding.flows.front().empty()) {
        std::string sink = finding.flows.front().back().message;
        if (sink.starts_with("reaches ")) {
            return sink.substr(8) + " (" + place + ")";
        }
    }
    return place;
}

void judge(Practice& practice) {
    if (practice.rules == 0) {
        practice.status = Practice::Status::NotChecked;
    } else if (practice.findings.empty()) {
        practice.status = Practice::Status::Pass;
    } else if (std::ranges::any_of(practice.findings, [](const core::Finding* finding) {
                   return finding->level == core::Level::Error;
               })) {
        practice.status = Practice::Status::Fail;
    } else {
        practice.status = Practice::Status::AtRisk;
    }
}

} // namespace

std::string_view statusName(Practice::Status status) {
    switch (status) {
    case Practice::Status::Pass:
        return "pass";
    case Practice::Status::AtRisk:
        return "at risk";
    case Practice::Status::Fail:
        return "fail";
    case Practice::Status::NotChecked:
        return "not checked";
    }
    return "not checked";
}

const std::vector<std::string>& inventoryColumns() {
    static const std::vector<std::string> columns = {"logged", "stored", "sent to third parties",
                                                     "sent over the network", "otherwise exposed"};
    return columns;
}

std::string categoryOf(const core::Finding& finding, const core::RuleCatalogue& catalogue) {
    const core::Rule* rule = catalogue.find(finding.ruleId);
    return rule ? rule->category : "other";
}

ReportModel buildReportModel(const core::ScanResult& scan, const ReportContext& context) {
    ReportModel model;
    model.hasBaseline = !scan.absentFindings.empty();
    std::map<std::string, std::vector<const core::Finding*>> groups;
    std::map<std::string, InventoryEntry> inventory;
    for (const core::Finding& finding : scan.findings) {
        std::string category = categoryOf(finding, context.catalogue);
        groups[category].push_back(&finding);
        model.hasBaseline |= finding.baselineState != core::BaselineState::None;
        if (finding.suppression) {
            ++model.suppressed;
            continue;
        }
        finding.level == core::Level::Error     ? ++model.errors
        : finding.level == core::Level::Warning ? ++model.warnings
                                                : ++model.notes;
        finding.baselineState == core::BaselineState::Unchanged ? ++model.unchanged
                                                                : ++model.newFindings;
        ++model.byCategory[category];
        auto column = inventoryColumnOfCategory().find(category);
        for (const std::string& kind : finding.categories) {
            if (kind == "credential") {
                continue; // secrets are not personal data about the customer
            }
            InventoryEntry& entry = inventory[kind];
            entry.dataKind = context.dataKindName ? context.dataKindName(kind) : kind;
            std::string where = column != inventoryColumnOfCategory().end()
                                    ? column->second
                                    : inventoryColumns().back();
            entry.places[where].insert(sinkOf(finding, scan.sourceRoot));
        }
    }
    if (!model.hasBaseline) {
        model.newFindings = model.unchanged = 0;
    }
    for (const PracticeDefinition& definition : practiceDefinitions()) {
        Practice practice;
        practice.name = definition.name;
        practice.question = definition.question;
        practice.categories = definition.categories;
        for (const core::Rule& rule : context.catalogue.rules()) {
            practice.rules += std::ranges::count(definition.categories, rule.category);
        }
        for (const core::Finding& finding : scan.findings) {
            if (!finding.suppression &&
                std::ranges::count(definition.categories, categoryOf(finding, context.catalogue))) {
                practice.findings.push_back(&finding);
            }
        }
        judge(practice);
        model.scorecard.push_back(std::move(practice));
    }
    for (auto& [kind, entry] : inventory) {
        model.inventory.push_back(std::move(entry));
    }
    for (const std::string& category : core::privacyCategories()) {
        if (auto found = groups.find(category); found != groups.end()) {
            model.groups.emplace_back(category, std::move(found->second));
            groups.erase(found);
        }
    }
    for (auto& [category, findings] : groups) {
        model.groups.emplace_back(category, std::move(findings));
    }
    return model;
}

} // namespace privaudit::reporters
