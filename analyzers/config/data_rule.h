#pragma once

#include "analyzers/config/bot_project.h"
#include "analyzers/config/config_file.h"
#include "analyzers/config/rule_condition.h"
#include "core/finding.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privaudit::config {

// One check of a declarative config rule (README "Writing config rules"):
//
//   - platforms: [rasa]                  # which files: platform keys (platformKey) ...
//     files: ["endpoints*.yml"]          # ... and name globs (with a '/': path globs)
//     for-each: tracker_store            # the nodes to look at (a DocPath), default the root
//     where:                             # a Condition, evaluated at each of them
//       all: [{path: type, equals: redis}, {path: record_exp, absent: true}]
//     report-at: type                    # where the finding points, default the node itself
//     message: "{platform} {file}: '{path}' keeps conversations forever ..."
//
// Messages may use {platform}, {file}, {path} (of the node), {key} (its key), {value} (a
// scalar's value) and {name} (a mapping's displayName, name, id, ...).
//
// With `scope: project` the check looks at all files of one bot together (BotProject): paths
// resolve from every file's documents, and a finding is reported once, at the first file that
// matches `main`.
class DataRuleCheck {
public:
    static std::unique_ptr<DataRuleCheck> parse(const core::DocNode& definition,
                                                std::vector<RuleError>& errors);
    ~DataRuleCheck();

    bool projectScope() const { return projectScope_; }
    bool appliesTo(const ConfigFile& file) const;

    // `project` is the bot the file belongs to ('//' paths), or nullptr.
    void checkFile(const std::string& ruleId, const ConfigFile& file, const BotProject* project,
                   std::vector<core::Finding>& findings) const;
    void checkProject(const std::string& ruleId, const BotProject& project,
                      std::vector<core::Finding>& findings) const;

private:
    std::string message(const ConfigFile& file, const core::DocNode& root,
                        const PathMatch& at) const;

    std::vector<Platform> platforms_;
    std::vector<std::string> files_;
    std::vector<std::string> main_;
    bool projectScope_ = false;
    DocPath forEach_;
    std::optional<DocPath> reportAt_;
    std::unique_ptr<Condition> where_;
    std::string message_;
};

// A config rule: its id and its checks. Built-in rules live in checks/config/*.yaml
// (`rule: <catalogue id>` and `checks:`); user rules in the policy file's `config-rules`.
struct DataRule {
    std::string id;
    std::vector<std::unique_ptr<DataRuleCheck>> checks;
};

// Reads `rule:`/`id:` and `checks:` of one rule definition. Keys in `extraKeys` (the
// catalogue fields of a user rule) are allowed and left to the caller.
std::optional<DataRule> parseDataRule(const core::DocNode& definition,
                                      const std::vector<std::string_view>& extraKeys,
                                      std::vector<RuleError>& errors);

} // namespace privaudit::config
