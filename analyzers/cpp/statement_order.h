#pragma once

#include <memory>

namespace clang {
class ASTContext;
class CFG;
class CFGBlock;
class Expr;
class FunctionDecl;
class ParentMap;
class Stmt;
} // namespace clang

namespace privaudit::cpp {

// Which statements of one function come before which on every path, from its control-flow
// graph: "the ownership check dominates the query".
class StatementOrder {
public:
    StatementOrder(clang::ASTContext& context, const clang::FunctionDecl& function);
    ~StatementOrder();

    // Whether every path from the function's entry to `later` passes `first` before it.
    bool dominates(const clang::Stmt& first, const clang::Stmt& later) const;

    // Whether every path to `later` leaves the branch on `condition` (a part of an `if`,
    // `while` or `?:` condition, possibly negated) with `condition` being `outcome`:
    // `if (owner != caller) return;` guards what follows with `owner != caller` false.
    bool guardedBy(const clang::Expr& condition, bool outcome, const clang::Stmt& later) const;

private:
    struct Graph;
    const clang::CFGBlock* blockOf(const clang::Stmt& statement) const;
    int positionIn(const clang::CFGBlock& block, const clang::Stmt& statement) const;

    std::unique_ptr<Graph> graph_;
};

} // namespace privaudit::cpp
