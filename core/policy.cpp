#include "core/policy.h"

#include "core/paths.h"

#include <algorithm>
#include <filesystem>
#include <fnmatch.h>

namespace privaudit::core {

namespace fs = std::filesystem;

class Policy::Reader {
public:
    Reader(Policy& policy, const std::string& path, const RuleCatalogue& catalogue,
           std::vector<Notification>& errors)
        : policy_(policy), path_(path), catalogue_(catalogue), errors_(errors) {}

    void read(const DocNode& root) {
        if (root.kind == DocNode::Kind::Null) {
            return; // an empty policy file is valid
        }
        if (!root.isMapping()) {
            error(root, "the policy must be a mapping (keys: rules, exclude, sensitive, models, "
                        "config-rules)");
            return;
        }
        if (const DocNode* configRules = root.find("config-rules")) {
            policy_.configRules_ = *configRules;
        }
        for (const auto& [key, value] : root.entries) {
            if (key.scalar == "config-rules") {
                continue;
            } else if (key.scalar == "rules") {
                readRules(value);
            } else if (key.scalar == "exclude") {
                readExcludes(value);
            } else if (key.scalar == "sensitive") {
                readSensitive(value);
            } else if (key.scalar == "models") {
                if (!value.isMapping()) {
                    error(value, "'models' must be a mapping of model sections (sinks, sources, "
                                 "sanitizers, ...)");
                } else {
                    policy_.models_ = value;
                }
            } else {
                error(key, "unknown key '" + key.scalar +
                               "' (expected rules, exclude, sensitive, models or config-rules)");
            }
        }
    }

private:
    void readRules(const DocNode& rules) {
        if (!rules.isMapping()) {
            error(rules, "'rules' must map rule ids to off, on, error, warning or note");
            return;
        }
        for (const auto& [id, setting] : rules.entries) {
            if (!catalogue_.find(id.scalar) && !declaresConfigRule(id.scalar)) {
                error(id, "unknown rule '" + id.scalar + "' (see: privaudit rules)");
                continue;
            }
            if (setting.scalar == "off" || setting.scalar == "on") {
                policy_.enabled_[id.scalar] = setting.scalar == "on";
            } else if (auto level = parseLevel(setting.scalar);
                       setting.isScalar() && level && *level != Level::None) {
                policy_.enabled_[id.scalar] = true;
                policy_.levels_[id.scalar] = *level;
            } else {
                error(setting, "rule '" + id.scalar +
                                   "' must be off, on, error, warning or note, not '" +
                                   setting.scalar + "'");
            }
        }
    }

    // A rule of the policy's own `config-rules` may be configured like a built-in one.
    bool declaresConfigRule(const std::string& id) const {
        if (!policy_.configRules_ || !policy_.configRules_->isSequence()) {
            return false;
        }
        return std::ranges::any_of(policy_.configRules_->items, [&](const DocNode& rule) {
            const DocNode* ruleId = rule.find("id");
            return ruleId && ruleId->scalar == id;
        });
    }

    void readSensitive(const DocNode& names) {
        if (!names.isMapping()) {
            error(names, "'sensitive' must map names to personal-data categories");
            return;
        }
        for (const auto& [name, category] : names.entries) {
            if (!category.isScalar() || category.scalar.empty()) {
                error(category,
                      "'" + name.scalar + "' needs a category (email, phone, ... or none)");
                continue;
            }
            policy_.sensitiveNames_.push_back({name.scalar, category.scalar, name.line});
        }
    }

    void readExcludes(const DocNode& excludes) {
        if (!excludes.isSequence()) {
            error(excludes, "'exclude' must be a list of path globs");
            return;
        }
        for (const DocNode& glob : excludes.items) {
            if (!glob.isScalar() || glob.scalar.empty()) {
                error(glob, "an exclude entry must be a non-empty path glob");
                continue;
            }
            std::string pattern = glob.scalar;
            while (pattern.size() > 1 && pattern.back() == '/') {
                pattern.pop_back();
            }
            policy_.excludes_.push_back(pattern);
        }
    }

    void error(const DocNode& node, const std::string& message) {
        Notification notification;
        notification.kind = Notification::Kind::PolicyError;
        notification.level = Level::Error;
        notification.message = message;
        notification.location = {path_, node.line, node.column};
        errors_.push_back(std::move(notification));
    }

    Policy& policy_;
    const std::string& path_;
    const RuleCatalogue& catalogue_;
    std::vector<Notification>& errors_;
};

Policy Policy::fromTree(const DocNode& root, const std::string& path,
                        const RuleCatalogue& catalogue, std::vector<Notification>& errors) {
    Policy policy;
    policy.baseFolder_ = fs::absolute(fs::path(path)).parent_path().string();
    policy.path_ = path;
    Reader(policy, path, catalogue, errors).read(root);
    return policy;
}

std::optional<std::string> Policy::findUpward(const std::string& start) {
    std::error_code ec;
    fs::path folder = fs::weakly_canonical(fs::absolute(fs::path(start)), ec);
    if (!fs::is_directory(folder, ec)) {
        folder = folder.parent_path();
    }
    for (;; folder = folder.parent_path()) {
        fs::path candidate = folder / fileName;
        if (fs::is_regular_file(candidate, ec)) {
            return candidate.string();
        }
        if (folder == folder.root_path() || folder.empty()) {
            return std::nullopt;
        }
    }
}

bool Policy::isEnabled(std::string_view ruleId) const {
    auto setting = enabled_.find(ruleId);
    return setting == enabled_.end() || setting->second;
}

Level Policy::levelFor(const Rule& rule) const {
    auto level = levels_.find(rule.id);
    return level == levels_.end() ? rule.defaultLevel : level->second;
}

// Globs are matched without FNM_PATHNAME, so '*' and '**' cross folders; a glob that names a
// folder excludes everything below it.
bool Policy::isExcluded(const std::string& file) const {
    if (excludes_.empty()) {
        return false;
    }
    std::string relative = relativePath(file, baseFolder_);
    for (const std::string& glob : excludes_) {
        if (fnmatch(glob.c_str(), relative.c_str(), 0) == 0 ||
            fnmatch((glob + "/*").c_str(), relative.c_str(), 0) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace privaudit::core
