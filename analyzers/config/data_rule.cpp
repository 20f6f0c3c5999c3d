#include "analyzers/config/data_rule.h"

#include "analyzers/config/tree_walk.h"

#include <algorithm>
#include <fnmatch.h>
#include <map>
#include <set>

namespace privaudit::config {

using core::DocNode;

namespace {

constexpr size_t maxValueInMessage = 80;

void error(std::vector<RuleError>& errors, const DocNode& node, std::string message) {
    errors.push_back({node.line, node.column, std::move(message)});
}

// A string or a list of strings.
std::optional<std::vector<std::string>> stringList(const DocNode& node, std::string_view key,
                                                   std::vector<RuleError>& errors) {
    std::vector<std::string> values;
    if (node.isScalar()) {
        values.push_back(node.scalar);
    } else if (node.isSequence()) {
        for (const DocNode& item : node.items) {
            if (!item.isScalar()) {
                error(errors, item, "'" + std::string(key) + "' takes strings");
                return std::nullopt;
            }
            values.push_back(item.scalar);
        }
    } else {
        error(errors, node, "'" + std::string(key) + "' takes a string or a list of strings");
        return std::nullopt;
    }
    return values;
}

std::optional<DocPath> pathAt(const DocNode& node, std::vector<RuleError>& errors) {
    std::string problem;
    auto path = DocPath::parse(node.scalar, problem);
    if (!node.isScalar() || !path) {
        error(errors, node, problem.empty() ? "a path must be a string" : problem);
    }
    return path;
}

bool globMatches(const std::string& glob, const ConfigFile& file) {
    bool byPath = glob.find('/') != std::string::npos;
    std::string subject = byPath ? file.path : file.fileName();
    std::string pattern =
        byPath && !glob.starts_with('*') && !glob.starts_with('/') ? "*/" + glob : glob;
    return fnmatch(pattern.c_str(), subject.c_str(), FNM_CASEFOLD) == 0;
}

// The value as a message may show it: one line, bounded, without a URL's user and password.
std::string shown(std::string value) {
    if (size_t scheme = value.find("://"); scheme != std::string::npos) {
        size_t at = value.find('@', scheme);
        size_t slash = value.find('/', scheme + 3);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            value.erase(scheme + 3, at + 1 - (scheme + 3));
        }
    }
    value = printable(std::move(value));
    if (value.size() > maxValueInMessage) {
        value = value.substr(0, maxValueInMessage) + "...";
    }
    return value;
}

std::string shownValue(const DocNode& node) {
    if (!node.isScalar()) {
        return node.isMapping() ? "{...}" : node.isSequence() ? "[...]" : "null";
    }
    return shown(node.scalar);
}

std::string substitute(std::string text, const std::map<std::string, std::string>& values) {
    std::string result;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            size_t close = text.find('}', i);
            if (close != std::string::npos) {
                auto value = values.find(text.substr(i + 1, close - i - 1));
                if (value != values.end()) {
                    result += value->second;
                    i = close;
                    continue;
                }
            }
        }
        result += text[i];
    }
    return result;
}

// What a mapping calls itself: displayName, name, Name, id or Identifier.
std::string nameOf(const DocNode& node) {
    for (std::string_view key : {"displayName", "name", "Name", "id", "Identifier"}) {
        if (const DocNode* name = node.find(key); name && name->isScalar()) {
            return shown(name->scalar);
        }
    }
    return "";
}

// A node's key, else (for a document root) its first key, else the node.
core::SourceLocation locationOf(const ConfigFile& file, const PathMatch& match) {
    if (match.key) {
        return file.locationOf(*match.key);
    }
    if (match.node->isMapping() && !match.node->entries.empty()) {
        return file.locationOf(match.node->entries.front().first);
    }
    return file.locationOf(*match.node);
}

// Where a project finding goes: the main file's first key.
core::SourceLocation projectLocation(const ConfigFile& file) {
    for (const DocNode& document : file.documents) {
        if (document.isMapping() && !document.entries.empty()) {
            return file.locationOf(document.entries.front().first);
        }
    }
    return {file.path, 1, 1, 1, 2};
}

std::vector<PathMatch> roots(const ConfigFile& file) {
    std::vector<PathMatch> result;
    for (const DocNode& document : file.documents) {
        result.push_back({nullptr, &document});
    }
    return result;
}

} // namespace

DataRuleCheck::~DataRuleCheck() = default;

std::unique_ptr<DataRuleCheck> DataRuleCheck::parse(const DocNode& definition,
                                                    std::vector<RuleError>& errors) {
    if (!definition.isMapping()) {
        error(errors, definition, "a check must be a mapping (platforms, for-each, where, ...)");
        return nullptr;
    }
    auto check = std::make_unique<DataRuleCheck>();
    size_t errorsBefore = errors.size();
    std::string unused;
    check->forEach_ = *DocPath::parse(".", unused);
    for (const auto& [key, value] : definition.entries) {
        const std::string& name = key.scalar;
        if (name == "platforms" || name == "files" || name == "main") {
            auto values = stringList(value, name, errors);
            if (!values) {
                continue;
            }
            if (name == "files") {
                check->files_ = *values;
            } else if (name == "main") {
                check->main_ = *values;
            }
            for (const std::string& platform :
                 name == "platforms" ? *values : std::vector<std::string>{}) {
                if (auto known = platformFromKey(platform)) {
                    check->platforms_.push_back(*known);
                } else {
                    error(errors, value,
                          "unknown platform '" + platform +
                              "' (rasa, dialogflow-cx, dialogflow-es, lex, "
                              "connect, cloudformation, terraform, botframework, "
                              "botpress, genesys, litellm, kubernetes, yaml, json)");
                }
            }
        } else if (name == "scope") {
            if (value.scalar != "file" && value.scalar != "project") {
                error(errors, value, "'scope' is file or project");
            }
            check->projectScope_ = value.scalar == "project";
        } else if (name == "for-each") {
            if (auto path = pathAt(value, errors)) {
                check->forEach_ = *path;
            }
        } else if (name == "report-at") {
            check->reportAt_ = pathAt(value, errors);
        } else if (name == "where") {
            check->where_ = Condition::parse(value, errors);
        } else if (name == "message") {
            if (!value.isScalar() || value.scalar.empty()) {
                error(errors, value, "'message' must be a non-empty string");
            }
            check->message_ = value.scalar;
        } else {
            error(errors, key,
                  "unknown key '" + name +
                      "' in a check (platforms, files, scope, main, for-each, where, report-at, "
                      "message)");
        }
    }
    if (check->platforms_.empty() && errors.size() == errorsBefore) {
        error(errors, definition, "a check needs 'platforms'");
    }
    if (check->message_.empty() && errors.size() == errorsBefore) {
        error(errors, definition, "a check needs a 'message'");
    }
    if (check->projectScope_ && check->main_.empty() && errors.size() == errorsBefore) {
        error(errors, definition, "a project check needs 'main' (the bot's main file names)");
    }
    return errors.size() == errorsBefore ? std::move(check) : nullptr;
}

bool DataRuleCheck::appliesTo(const ConfigFile& file) const {
    if (std::ranges::find(platforms_, file.platform) == platforms_.end()) {
        return false;
    }
    return files_.empty() ||
           std::ranges::any_of(files_, [&](const std::string& g) { return globMatches(g, file); });
}

std::string DataRuleCheck::message(const ConfigFile& file, const DocNode& root,
                                   const PathMatch& at) const {
    return substitute(message_, {{"platform", std::string(platformName(file.platform))},
                                 {"file", file.fileName()},
                                 {"path", shown(pathOf(root, at.node))},
                                 {"key", at.key ? shownValue(*at.key) : ""},
                                 {"name", nameOf(*at.node)},
                                 {"value", shownValue(*at.node)}});
}

void DataRuleCheck::checkFile(const std::string& ruleId, const ConfigFile& file,
                              const BotProject* project,
                              std::vector<core::Finding>& findings) const {
    if (projectScope_ || !appliesTo(file)) {
        return;
    }
    std::map<const void*, bool> rootResults;
    std::vector<PathMatch> documentRoots = roots(file);
    std::vector<PathMatch> projectRoots;
    for (const ConfigFile* member : project ? project->files : std::vector<const ConfigFile*>{}) {
        std::ranges::move(roots(*member), std::back_inserter(projectRoots));
    }
    if (!project) {
        projectRoots = documentRoots;
    }
    for (const PathMatch& root : documentRoots) {
        for (const PathMatch& node : forEach_.resolve(root)) {
            ConditionScope scope{{node}, {root}, projectRoots, &rootResults};
            if (where_ && !where_->holds(scope)) {
                continue;
            }
            PathMatch at = node;
            if (reportAt_) {
                std::vector<PathMatch> targets =
                    reportAt_->resolve(reportAt_->fromRoot() ? root : node);
                if (!targets.empty()) {
                    at = targets.front();
                }
            }
            core::Finding finding;
            finding.ruleId = ruleId;
            finding.message = message(file, *root.node, node);
            finding.location = locationOf(file, at);
            findings.push_back(std::move(finding));
        }
        rootResults.clear();
    }
}

void DataRuleCheck::checkProject(const std::string& ruleId, const BotProject& project,
                                 std::vector<core::Finding>& findings) const {
    if (!projectScope_) {
        return;
    }
    if (std::ranges::find(platforms_, project.platform) == platforms_.end()) {
        return;
    }
    const ConfigFile* mainFile = nullptr;
    for (const std::string& glob : main_) {
        auto found = std::ranges::find_if(
            project.files, [&](const ConfigFile* file) { return globMatches(glob, *file); });
        if (found != project.files.end()) {
            mainFile = *found;
            break;
        }
    }
    if (!mainFile) {
        return;
    }
    std::vector<PathMatch> documents;
    for (const ConfigFile* file : project.files) {
        if (appliesTo(*file)) {
            std::ranges::move(roots(*file), std::back_inserter(documents));
        }
    }
    ConditionScope scope{documents, documents, documents, nullptr};
    if (where_ && !where_->holds(scope)) {
        return;
    }
    core::Finding finding;
    finding.ruleId = ruleId;
    DocNode empty;
    PathMatch root{nullptr, mainFile->documents.empty() ? &empty : &mainFile->documents.front()};
    finding.message = message(*mainFile, *root.node, root);
    finding.location = projectLocation(*mainFile);
    findings.push_back(std::move(finding));
}

std::optional<DataRule> parseDataRule(const DocNode& definition,
                                      const std::vector<std::string_view>& extraKeys,
                                      std::vector<RuleError>& errors) {
    if (!definition.isMapping()) {
        error(errors, definition, "a config rule must be a mapping with an id and checks");
        return std::nullopt;
    }
    DataRule rule;
    size_t errorsBefore = errors.size();
    const DocNode* checks = nullptr;
    for (const auto& [key, value] : definition.entries) {
        if (key.scalar == "rule" || key.scalar == "id") {
            rule.id = value.scalar;
        } else if (key.scalar == "checks") {
            checks = &value;
        } else if (std::ranges::find(extraKeys, key.scalar) == extraKeys.end()) {
            error(errors, key, "unknown key '" + key.scalar + "' in a config rule");
        }
    }
    if (rule.id.empty()) {
        error(errors, definition, "a config rule needs an id");
    }
    if (!checks || !checks->isSequence() || checks->items.empty()) {
        error(errors, checks ? *checks : definition, "a config rule needs a list of 'checks'");
        return std::nullopt;
    }
    for (const DocNode& item : checks->items) {
        if (auto check = DataRuleCheck::parse(item, errors)) {
            rule.checks.push_back(std::move(check));
        }
    }
    if (errors.size() != errorsBefore) {
        return std::nullopt;
    }
    return rule;
}

} // namespace privaudit::config
