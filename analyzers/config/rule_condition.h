#pragma once

#include "analyzers/config/doc_path.h"
#include "core/doc_tree.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace privaudit::config {

// A problem in a rule definition, at the node it concerns.
struct RuleError {
    int line = 0;
    int column = 0;
    std::string message;
};

// Where a condition is evaluated: the node a rule is looking at, the document roots that
// paths starting with '/' resolve from, and the documents of the whole bot for '//' paths.
struct ConditionScope {
    std::vector<PathMatch> current; // several for a project rule: each file's document
    std::vector<PathMatch> roots;
    std::vector<PathMatch> projectRoots;
    // Results of tests on '/' and '//' paths, which do not depend on `current`: a rule that looks
    // at many nodes of a large file resolves each root path once.
    std::map<const void*, bool>* rootResults = nullptr;
};

// One condition of a config rule, parsed from YAML:
//   {path: P, exists: true}  {path: P, absent: true}  {path: P, empty: true}
//   {path: P, equals: V}     {path: P, one-of: [V, ...]}   {path: P, matches: REGEX}
//   {path: P, key-matches: REGEX}
//   {path: P, greater-than: N}  less-than, at-least, at-most
//   {all: [...]}  {any: [...]}  {not: {...}}
// `path` defaults to the current node. A value test holds when any node the path reaches
// passes it; equals and one-of compare case-insensitively (true = True = "true"), numbers by
// value. `absent` holds when the path reaches nothing, `empty` when nothing it reaches has
// content (null, "", {} or []).
class Condition {
public:
    static std::unique_ptr<Condition> parse(const core::DocNode& node,
                                            std::vector<RuleError>& errors);
    ~Condition();

    bool holds(const ConditionScope& scope) const;

private:
    enum class Kind { All, Any, Not, Test };
    enum class Test {
        Exists,
        Absent,
        Empty,
        Equals,
        OneOf,
        Matches,
        KeyMatches,
        GreaterThan,
        LessThan,
        AtLeast,
        AtMost
    };

    bool testHolds(const std::vector<PathMatch>& matches) const;
    bool passes(const PathMatch& match) const;

    Kind kind_ = Kind::Test;
    std::vector<std::unique_ptr<Condition>> children_;
    std::optional<DocPath> path_;
    Test test_ = Test::Exists;
    std::vector<std::string> values_; // Equals, OneOf (lowercase)
    double number_ = 0;
    std::unique_ptr<re2::RE2> regex_;
};

} // namespace privaudit::config
