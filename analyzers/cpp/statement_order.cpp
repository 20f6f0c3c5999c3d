#include "analyzers/cpp/statement_order.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ParentMap.h>
#include <clang/Analysis/Analyses/Dominators.h>
#include <clang/Analysis/CFG.h>
#include <clang/Analysis/CFGStmtMap.h>

namespace privaudit::cpp {

using namespace clang;

struct StatementOrder::Graph {
    std::unique_ptr<CFG> cfg;
    std::unique_ptr<ParentMap> parents;
    std::unique_ptr<CFGStmtMap> blocks;
    CFGDomTree dominators;
};

StatementOrder::StatementOrder(ASTContext& context, const FunctionDecl& function)
    : graph_(std::make_unique<Graph>()) {
    Stmt* body = function.getBody();
    if (!body) {
        return;
    }
    CFG::BuildOptions options;
    options.AddInitializers = true;
    graph_->cfg = CFG::buildCFG(&function, body, &context, options);
    if (!graph_->cfg) {
        return;
    }
    graph_->parents = std::make_unique<ParentMap>(body);
    graph_->blocks.reset(CFGStmtMap::Build(graph_->cfg.get(), graph_->parents.get()));
    graph_->dominators.buildDominatorTree(graph_->cfg.get());
}

StatementOrder::~StatementOrder() = default;

const CFGBlock* StatementOrder::blockOf(const Stmt& statement) const {
    if (!graph_->blocks) {
        return nullptr;
    }
    return graph_->blocks->getBlock(const_cast<Stmt*>(&statement));
}

// The index of the element that evaluates `statement` (or the statement containing it).
int StatementOrder::positionIn(const CFGBlock& block, const Stmt& statement) const {
    for (const Stmt* current = &statement; current; current = graph_->parents->getParent(current)) {
        int index = 0;
        for (const CFGElement& element : block) {
            if (auto stmt = element.getAs<CFGStmt>(); stmt && stmt->getStmt() == current) {
                return index;
            }
            ++index;
        }
    }
    return int(block.size());
}

bool StatementOrder::dominates(const Stmt& first, const Stmt& later) const {
    const CFGBlock* firstBlock = blockOf(first);
    const CFGBlock* laterBlock = blockOf(later);
    if (!firstBlock || !laterBlock) {
        return false;
    }
    if (firstBlock == laterBlock) {
        return positionIn(*firstBlock, first) < positionIn(*laterBlock, later);
    }
    return graph_->dominators.dominates(firstBlock, laterBlock);
}

bool StatementOrder::guardedBy(const Expr& condition, bool outcome, const Stmt& later) const {
    const CFGBlock* block = blockOf(condition);
    const CFGBlock* laterBlock = blockOf(later);
    if (!block || !laterBlock) {
        return false;
    }
    // Up from the comparison to the block's branch condition, through parentheses and `!`.
    const Stmt* current = &condition;
    while (current != block->getTerminatorCondition(/*StripParens=*/false)) {
        const Stmt* parent = graph_->parents->getParent(current);
        const auto* unary = dyn_cast_or_null<UnaryOperator>(parent);
        if (unary && unary->getOpcode() == UO_LNot) {
            outcome = !outcome;
        } else if (!isa_and_nonnull<ParenExpr>(parent)) {
            return false;
        }
        current = parent;
    }
    if (block->succ_size() != 2) {
        return false;
    }
    const CFGBlock* taken = *(block->succ_begin() + (outcome ? 0 : 1));
    return taken && graph_->dominators.dominates(taken, laterBlock);
}

} // namespace privaudit::cpp
