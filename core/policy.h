#pragma once

#include "core/doc_tree.h"
#include "core/finding.h"
#include "core/notification.h"
#include "core/rule_catalogue.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace privaudit::core {

// A name the policy declares personal data (or not): `memberNo: national-id`.
struct SensitiveName {
    std::string name;
    std::string category; // a personal-data category, "customer" or "none"
    int line = 0;
};

// The user's .privaudit.yaml:
//
//   rules:
//     cpp/hardcoded-secret: off          # off | on | error | warning | note
//   exclude:
//     - third_party/**                   # shell globs, relative to the policy file's folder
//   sensitive:                           # extra personal-data names for the C++ analysis
//     memberNo: national-id
//   models:                              # extra library models, as in checks/models/*.yaml
//     sinks: [...]
//   config-rules:                        # the user's own declarative config rules
//     - id: acme/...
//
// `sensitive`, `models` and `config-rules` are read here and checked by their users.
class Policy {
public:
    static constexpr std::string_view fileName = ".privaudit.yaml";

    // Reads a parsed policy file. Unknown keys, unknown rule ids and bad values become
    // PolicyError notifications naming file:line; the valid parts still apply.
    static Policy fromTree(const DocNode& root, const std::string& path,
                           const RuleCatalogue& catalogue, std::vector<Notification>& errors);

    // The nearest .privaudit.yaml in `start` or a folder above it, or nothing.
    static std::optional<std::string> findUpward(const std::string& start);

    bool isEnabled(std::string_view ruleId) const;
    // The level the policy gives `ruleId`, else the catalogue's default.
    Level levelFor(const Rule& rule) const;
    bool isExcluded(const std::string& file) const;

    const std::vector<SensitiveName>& sensitiveNames() const { return sensitiveNames_; }
    const DocNode* models() const { return models_ ? &*models_ : nullptr; }
    const DocNode* configRules() const { return configRules_ ? &*configRules_ : nullptr; }
    const std::string& path() const { return path_; }

private:
    class Reader;
    std::map<std::string, bool, std::less<>> enabled_;
    std::map<std::string, Level, std::less<>> levels_;
    std::vector<std::string> excludes_;
    std::string baseFolder_; // absolute folder the exclude globs are relative to
    std::vector<SensitiveName> sensitiveNames_;
    std::optional<DocNode> models_;
    std::optional<DocNode> configRules_;
    std::string path_;
};

} // namespace privaudit::core
