#pragma once

#include "core/rule_catalogue.h"
#include "core/scan_result.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::reporters {

// What the human-readable reports (HTML, Markdown) need besides the scan.
struct ReportContext {
    const core::RuleCatalogue& catalogue;
    // "email" -> "e-mail address"; data categories are shown as they are without it.
    std::function<std::string(std::string_view)> dataKindName;
    std::string title = "Privacy audit report";
};

// One line of the scorecard: a privacy practice, judged by the findings of the rules of its
// categories.
struct Practice {
    enum class Status { Pass, AtRisk, Fail, NotChecked };
    std::string name;
    std::string question; // what the practice asks of the product
    std::vector<std::string> categories;
    Status status = Status::NotChecked;
    int rules = 0;                              // catalogue rules that check it
    std::vector<const core::Finding*> findings; // unsuppressed
};

std::string_view statusName(Practice::Status status);

// Where one kind of personal data goes, from the findings' sinks.
struct InventoryEntry {
    std::string dataKind;                                // display name
    std::map<std::string, std::set<std::string>> places; // "logged" -> {"spdlog (src/a.cpp:3)"}
};

struct ReportModel {
    int errors = 0, warnings = 0, notes = 0; // unsuppressed
    int suppressed = 0;
    int newFindings = 0, unchanged = 0; // with a baseline
    bool hasBaseline = false;
    std::map<std::string, int> byCategory; // rule category -> unsuppressed findings
    std::vector<Practice> scorecard;
    std::vector<InventoryEntry> inventory;
    // Rule category -> findings (suppressed included), in catalogue category order.
    std::vector<std::pair<std::string, std::vector<const core::Finding*>>> groups;
};

// The columns of the data inventory, in order: logged, stored, sent to third parties, sent
// over the network, otherwise exposed.
const std::vector<std::string>& inventoryColumns();

ReportModel buildReportModel(const core::ScanResult& scan, const ReportContext& context);

// The rule's category, "other" for rules not in the catalogue.
std::string categoryOf(const core::Finding& finding, const core::RuleCatalogue& catalogue);

} // namespace privaudit::reporters
