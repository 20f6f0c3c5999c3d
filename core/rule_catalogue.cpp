#include "core/rule_catalogue.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace privaudit::core {

const std::vector<std::string>& privacyCategories() {
    static const std::vector<std::string> categories = {
        "storage",       "logging",   "disclosure",  "transport", "access",
        "session",       "secrets",   "crypto",      "retention", "memory",
        "anonymization", "oversight", "transparency"};
    return categories;
}

std::vector<std::string> Rule::tags() const {
    std::vector<std::string> result = {"security", "privacy", "privacy/" + category};
    for (int cwe : cwes) {
        result.push_back("external/cwe/cwe-" + std::to_string(cwe));
    }
    return result;
}

namespace {

class RuleReader {
public:
    RuleReader(const DocNode& document, const std::string& source,
               std::vector<CatalogueError>& errors)
        : document_(document), source_(source), errors_(errors) {}

    bool read(Rule& rule) {
        static const std::set<std::string, std::less<>> known = {
            "id",       "name",      "title",    "description", "remediation", "level",
            "severity", "precision", "category", "cwe",         "gdpr"};
        if (!document_.isMapping()) {
            return fail(document_, "a rule must be a mapping");
        }
        for (const auto& [key, value] : document_.entries) {
            if (!known.contains(key.scalar)) {
                fail(key, "unknown key '" + key.scalar + "'");
            }
        }
        rule.id = text("id");
        rule.name = text("name");
        rule.title = text("title");
        rule.description = text("description");
        rule.remediation = text("remediation");
        rule.precision = text("precision");
        rule.category = text("category");
        rule.gdpr = optionalText("gdpr");
        readLevel(rule);
        readSeverity(rule);
        readCwes(rule);
        if (std::ranges::find(privacyCategories(), rule.category) == privacyCategories().end()) {
            fail(document_, "unknown category '" + rule.category + "'");
        }
        static const std::set<std::string, std::less<>> precisions = {"very-high", "high", "medium",
                                                                      "low"};
        if (!precisions.contains(rule.precision)) {
            fail(document_, "precision must be very-high, high, medium or low");
        }
        return ok_;
    }

private:
    bool fail(const DocNode& node, const std::string& message) {
        errors_.push_back({source_, node.line, message});
        ok_ = false;
        return false;
    }

    std::string optionalText(std::string_view key) {
        const DocNode* node = document_.find(key);
        return node && node->isScalar() ? node->scalar : std::string();
    }

    std::string text(std::string_view key) {
        const DocNode* node = document_.find(key);
        if (!node || !node->isScalar() || node->scalar.empty()) {
            fail(node ? *node : document_, "missing '" + std::string(key) + "'");
            return {};
        }
        return node->scalar;
    }

    void readLevel(Rule& rule) {
        auto level = parseLevel(text("level"));
        if (!level || *level == Level::None) {
            fail(document_, "level must be error, warning or note");
            return;
        }
        rule.defaultLevel = *level;
    }

    void readSeverity(Rule& rule) {
        std::string value = text("severity");
        double severity = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), severity);
        if (ec != std::errc() || end != value.data() + value.size() || severity <= 0 ||
            severity > 10) {
            fail(document_, "severity must be a number in (0, 10]");
            return;
        }
        rule.securitySeverity = severity;
    }

    void readCwes(Rule& rule) {
        const DocNode* node = document_.find("cwe");
        if (!node) {
            return;
        }
        if (!node->isSequence()) {
            fail(*node, "cwe must be a list of numbers");
            return;
        }
        for (const DocNode& item : node->items) {
            int cwe = 0;
            auto [end, ec] =
                std::from_chars(item.scalar.data(), item.scalar.data() + item.scalar.size(), cwe);
            if (ec != std::errc() || end != item.scalar.data() + item.scalar.size()) {
                fail(item, "cwe must be a list of numbers");
                continue;
            }
            rule.cwes.push_back(cwe);
        }
    }

    const DocNode& document_;
    const std::string& source_;
    std::vector<CatalogueError>& errors_;
    bool ok_ = true;
};

} // namespace

void RuleCatalogue::add(const DocNode& document, const std::string& source,
                        std::vector<CatalogueError>& errors) {
    Rule rule;
    if (!RuleReader(document, source, errors).read(rule)) {
        return;
    }
    if (find(rule.id)) {
        errors.push_back({source, document.line, "duplicate rule id '" + rule.id + "'"});
        return;
    }
    auto position = std::ranges::lower_bound(rules_, rule.id, {}, &Rule::id);
    rules_.insert(position, std::move(rule));
}

const Rule* RuleCatalogue::find(std::string_view id) const {
    int index = indexOf(id);
    return index < 0 ? nullptr : &rules_[index];
}

int RuleCatalogue::indexOf(std::string_view id) const {
    auto position = std::ranges::lower_bound(rules_, id, {}, &Rule::id);
    if (position == rules_.end() || position->id != id) {
        return -1;
    }
    return static_cast<int>(position - rules_.begin());
}

} // namespace privaudit::core
