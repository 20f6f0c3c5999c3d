#pragma once

#include "core/finding.h"

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
} // namespace clang

namespace privaudit::cpp {

// Which local values of one function are computed from chosen expressions (the request, the
// session, a shared cache), and by which steps. Flow-insensitive: a variable derives from a
// seed when any of its assignments does. Cheap enough to ask per handler and per question.
class DerivedValues {
public:
    // Whether an expression is itself a seed, with the step that describes it.
    using Seed = std::function<std::optional<core::FlowStep>(const clang::Expr&)>;
    // Whether the search stops at an expression: what is below it does not pass through.
    using Barrier = std::function<bool(const clang::Expr&)>;

    DerivedValues(clang::ASTContext& context, const clang::FunctionDecl& function, Seed seed,
                  Barrier barrier = {});

    // The steps from a seed to `expression`, empty when it derives from none.
    core::CodeFlow flowTo(const clang::Stmt& expression) const;
    bool derives(const clang::Stmt& expression) const { return !flowTo(expression).empty(); }

    // The local variables (and parameters) that derive from a seed.
    const std::map<const clang::ValueDecl*, core::CodeFlow>& variables() const {
        return variables_;
    }

private:
    core::CodeFlow search(const clang::Stmt& expression) const;

    clang::ASTContext& context_;
    Seed seed_;
    Barrier barrier_;
    std::map<const clang::ValueDecl*, core::CodeFlow> variables_;
};

} // namespace privaudit::cpp
