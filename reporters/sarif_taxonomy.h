#pragma once

#include "core/rule_catalogue.h"
#include "reporters/sarif_location.h"

#include <vector>

namespace privaudit::reporters {

// The CWE ids the catalogue's rules reference, ascending and without duplicates. A taxon's
// index in run.taxonomies[0].taxa is its position in this list.
std::vector<int> referencedCwes(const core::RuleCatalogue& catalogue);

// run.taxonomies: one CWE taxonomy holding exactly `cwes`.
SarifJson cweTaxonomies(const std::vector<int>& cwes);

// driver.supportedTaxonomies: the CWE taxonomy above.
SarifJson supportedTaxonomies();

// A reportingDescriptorReference to the taxon of `cwe`, which must be one of `cwes`.
SarifJson cweReference(int cwe, const std::vector<int>& cwes);

} // namespace privaudit::reporters
