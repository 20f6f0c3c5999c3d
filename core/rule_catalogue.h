#pragma once

#include "core/doc_tree.h"
#include "core/finding.h"

#include <map>
#include <string>
#include <vector>

namespace privaudit::core {

// One entry of the rule catalogue (checks/rules/*.yaml).
struct Rule {
    std::string id;   // "<domain>/<risk>", e.g. cpp/hardcoded-secret
    std::string name; // PascalCase, differs from the id (SARIF rule name)
    std::string title;
    std::string description;
    std::string remediation; // Markdown
    Level defaultLevel = Level::Warning;
    double securitySeverity = 5.0;
    std::string precision; // very-high | high | medium | low
    std::string category;  // one of the privacy/<category> list in the architecture doc
    std::vector<int> cwes;
    std::string gdpr; // articles, e.g. "Art. 32"

    // security, privacy, privacy/<category>, external/cwe/cwe-NNN...
    std::vector<std::string> tags() const;
};

struct CatalogueError {
    std::string source;
    int line = 0;
    std::string message;
};

class RuleCatalogue {
public:
    // Reads one rule document; problems are appended to `errors` with their line.
    void add(const DocNode& document, const std::string& source,
             std::vector<CatalogueError>& errors);

    const Rule* find(std::string_view id) const;
    const std::vector<Rule>& rules() const { return rules_; } // sorted by id
    int indexOf(std::string_view id) const;

private:
    std::vector<Rule> rules_;
};

const std::vector<std::string>& privacyCategories();

} // namespace privaudit::core
