#include "analyzers/config/rule_condition.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <re2/re2.h>

namespace privaudit::config {

using core::DocNode;

namespace {

std::string lowercase(std::string text) {
    std::ranges::transform(text, text.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::optional<double> asNumber(std::string_view text) {
    while (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

bool sameValue(const std::string& scalar, const std::string& expectedLowercase) {
    auto left = asNumber(scalar);
    auto right = asNumber(expectedLowercase);
    if (left && right) {
        return *left == *right;
    }
    return lowercase(scalar) == expectedLowercase;
}

bool hasContent(const DocNode& node) {
    switch (node.kind) {
    case DocNode::Kind::Null:
        return false;
    case DocNode::Kind::Scalar:
        return !node.scalar.empty();
    case DocNode::Kind::Sequence:
        return !node.items.empty();
    case DocNode::Kind::Mapping:
        return !node.entries.empty();
    }
    return false;
}

void error(std::vector<RuleError>& errors, const DocNode& node, std::string message) {
    errors.push_back({node.line, node.column, std::move(message)});
}

} // namespace

Condition::~Condition() = default;

std::unique_ptr<Condition> Condition::parse(const DocNode& node, std::vector<RuleError>& errors) {
    static constexpr std::pair<std::string_view, Test> tests[] = {
        {"exists", Test::Exists},
        {"absent", Test::Absent},
        {"empty", Test::Empty},
        {"equals", Test::Equals},
        {"one-of", Test::OneOf},
        {"matches", Test::Matches},
        {"key-matches", Test::KeyMatches},
        {"greater-than", Test::GreaterThan},
        {"less-than", Test::LessThan},
        {"at-least", Test::AtLeast},
        {"at-most", Test::AtMost}};
    auto condition = std::make_unique<Condition>();
    if (!node.isMapping() || node.entries.empty()) {
        error(errors, node,
              "a condition must be a mapping: {path: ..., exists|absent|empty|equals|one-of|"
              "matches|key-matches|greater-than|less-than|at-least|at-most: ...} or "
              "{all|any: [...]} or {not: {...}}");
        return nullptr;
    }
    const DocNode* operand = nullptr;
    const DocNode* operatorKey = nullptr;
    for (const auto& [key, value] : node.entries) {
        if (key.scalar == "path") {
            std::string problem;
            condition->path_ = DocPath::parse(value.scalar, problem);
            if (!value.isScalar() || !condition->path_) {
                error(errors, value, problem.empty() ? "'path' must be a string" : problem);
                return nullptr;
            }
            continue;
        }
        if (operatorKey) {
            error(errors, key,
                  "a condition has one test; combine several with all: or any: ('" +
                      operatorKey->scalar + "' and '" + key.scalar + "')");
            return nullptr;
        }
        operatorKey = &key;
        operand = &value;
    }
    if (!operatorKey) {
        error(errors, node, "the condition has a path but no test (exists, equals, ...)");
        return nullptr;
    }
    const std::string& name = operatorKey->scalar;
    if (name == "all" || name == "any") {
        condition->kind_ = name == "all" ? Kind::All : Kind::Any;
        if (!operand->isSequence() || operand->items.empty() || condition->path_) {
            error(errors, *operand, "'" + name + "' takes a non-empty list of conditions");
            return nullptr;
        }
        for (const DocNode& item : operand->items) {
            auto child = parse(item, errors);
            if (!child) {
                return nullptr;
            }
            condition->children_.push_back(std::move(child));
        }
        return condition;
    }
    if (name == "not") {
        condition->kind_ = Kind::Not;
        auto child = parse(*operand, errors);
        if (!child) {
            return nullptr;
        }
        condition->children_.push_back(std::move(child));
        return condition;
    }
    auto test = std::ranges::find(tests, name, &std::pair<std::string_view, Test>::first);
    if (test == std::end(tests)) {
        error(errors, *operatorKey, "unknown test '" + name + "'");
        return nullptr;
    }
    condition->test_ = test->second;
    if (!condition->path_) {
        std::string unused;
        condition->path_ = DocPath::parse(".", unused);
    }
    switch (condition->test_) {
    case Test::Exists:
    case Test::Absent:
    case Test::Empty:
        if (operand->scalar != "true" && operand->scalar != "false") {
            error(errors, *operand, "'" + name + "' takes true or false");
            return nullptr;
        }
        if (operand->scalar == "false") {
            condition->test_ = condition->test_ == Test::Absent   ? Test::Exists
                               : condition->test_ == Test::Exists ? Test::Absent
                                                                  : condition->test_;
            if (condition->test_ == Test::Empty) {
                auto negated = std::make_unique<Condition>();
                negated->kind_ = Kind::Not;
                negated->children_.push_back(std::move(condition));
                return negated;
            }
        }
        break;
    case Test::Equals:
        if (!operand->isScalar()) {
            error(errors, *operand, "'equals' takes a single value");
            return nullptr;
        }
        condition->values_.push_back(lowercase(operand->scalar));
        break;
    case Test::OneOf:
        if (!operand->isSequence() || operand->items.empty()) {
            error(errors, *operand, "'one-of' takes a non-empty list of values");
            return nullptr;
        }
        for (const DocNode& item : operand->items) {
            condition->values_.push_back(lowercase(item.scalar));
        }
        break;
    case Test::Matches:
    case Test::KeyMatches: {
        condition->regex_ = std::make_unique<re2::RE2>(operand->scalar, re2::RE2::Quiet);
        if (!operand->isScalar() || !condition->regex_->ok()) {
            error(errors, *operand,
                  "'" + name +
                      "' takes a regular expression (RE2 syntax): " + condition->regex_->error());
            return nullptr;
        }
        break;
    }
    default: {
        auto number = asNumber(operand->scalar);
        if (!operand->isScalar() || !number) {
            error(errors, *operand, "'" + name + "' takes a number");
            return nullptr;
        }
        condition->number_ = *number;
    }
    }
    return condition;
}

bool Condition::holds(const ConditionScope& scope) const {
    switch (kind_) {
    case Kind::All:
        return std::ranges::all_of(children_, [&](const auto& c) { return c->holds(scope); });
    case Kind::Any:
        return std::ranges::any_of(children_, [&](const auto& c) { return c->holds(scope); });
    case Kind::Not:
        return !children_.front()->holds(scope);
    case Kind::Test:
        break;
    }
    bool rooted = path_->fromRoot() || path_->fromProject();
    if (rooted && scope.rootResults) {
        auto known = scope.rootResults->find(this);
        if (known != scope.rootResults->end()) {
            return known->second;
        }
    }
    std::vector<PathMatch> matches;
    const std::vector<PathMatch>& starts = path_->fromProject() ? scope.projectRoots
                                           : path_->fromRoot()  ? scope.roots
                                                                : scope.current;
    for (const PathMatch& start : starts) {
        std::ranges::move(path_->resolve(start), std::back_inserter(matches));
    }
    bool result = testHolds(matches);
    if (rooted && scope.rootResults) {
        (*scope.rootResults)[this] = result;
    }
    return result;
}

bool Condition::testHolds(const std::vector<PathMatch>& matches) const {
    switch (test_) {
    case Test::Exists:
        return !matches.empty();
    case Test::Absent:
        return matches.empty();
    case Test::Empty:
        return std::ranges::none_of(matches,
                                    [](const PathMatch& m) { return hasContent(*m.node); });
    default:
        return std::ranges::any_of(matches, [&](const PathMatch& m) { return passes(m); });
    }
}

bool Condition::passes(const PathMatch& match) const {
    if (test_ == Test::KeyMatches) {
        return match.key && re2::RE2::PartialMatch(match.key->scalar, *regex_);
    }
    const DocNode& node = *match.node;
    if (!node.isScalar()) {
        return false;
    }
    switch (test_) {
    case Test::Equals:
    case Test::OneOf:
        return std::ranges::any_of(values_,
                                   [&](const std::string& v) { return sameValue(node.scalar, v); });
    case Test::Matches:
        return re2::RE2::PartialMatch(node.scalar, *regex_);
    default:
        break;
    }
    auto number = asNumber(node.scalar);
    if (!number) {
        return false;
    }
    switch (test_) {
    case Test::GreaterThan:
        return *number > number_;
    case Test::LessThan:
        return *number < number_;
    case Test::AtLeast:
        return *number >= number_;
    case Test::AtMost:
        return *number <= number_;
    default:
        return false;
    }
}

} // namespace privaudit::config
