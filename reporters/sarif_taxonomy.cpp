#include "reporters/sarif_taxonomy.h"

#include <algorithm>
#include <string>

namespace privaudit::reporters {

namespace {

SarifJson cweComponent() {
    return {{"name", "CWE"}, {"index", 0}};
}

std::string cweId(int cwe) {
    return "CWE-" + std::to_string(cwe);
}

SarifJson cweTaxon(int cwe) {
    return {
        {"id", cweId(cwe)},
        {"shortDescription", sarifMessage(cweId(cwe))},
        {"helpUri", "https://cwe.mitre.org/data/definitions/" + std::to_string(cwe) + ".html"},
    };
}

} // namespace

std::vector<int> referencedCwes(const core::RuleCatalogue& catalogue) {
    std::vector<int> cwes;
    for (const core::Rule& rule : catalogue.rules()) {
        cwes.insert(cwes.end(), rule.cwes.begin(), rule.cwes.end());
    }
    std::ranges::sort(cwes);
    auto duplicates = std::ranges::unique(cwes);
    cwes.erase(duplicates.begin(), duplicates.end());
    return cwes;
}

SarifJson cweTaxonomies(const std::vector<int>& cwes) {
    SarifJson taxa = SarifJson::array();
    for (int cwe : cwes) {
        taxa.push_back(cweTaxon(cwe));
    }
    SarifJson taxonomy = {
        {"name", "CWE"},
        {"organization", "MITRE"},
        {"informationUri", "https://cwe.mitre.org/"},
        {"shortDescription", sarifMessage("The MITRE Common Weakness Enumeration")},
        {"isComprehensive", false},
        {"taxa", taxa},
    };
    return SarifJson::array({taxonomy});
}

SarifJson supportedTaxonomies() {
    return SarifJson::array({cweComponent()});
}

SarifJson cweReference(int cwe, const std::vector<int>& cwes) {
    auto position = std::ranges::lower_bound(cwes, cwe);
    return {
        {"id", cweId(cwe)},
        {"index", position - cwes.begin()},
        {"toolComponent", cweComponent()},
    };
}

} // namespace privaudit::reporters
