#include "analyzers/cpp/derived_values.h"

#include "analyzers/cpp/cpp_check.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

namespace privaudit::cpp {

using namespace clang;

namespace {

// The local variable an assignment target designates: `x`, `x.field`, `x[i]`, `*x`.
const VarDecl* targetVariable(const Expr* target) {
    while (target) {
        target = target->IgnoreParenImpCasts();
        if (const auto* ref = dyn_cast<DeclRefExpr>(target)) {
            const auto* var = dyn_cast<VarDecl>(ref->getDecl());
            return var && var->isLocalVarDeclOrParm() ? var : nullptr;
        }
        if (const auto* member = dyn_cast<MemberExpr>(target)) {
            target = member->getBase();
        } else if (const auto* subscript = dyn_cast<ArraySubscriptExpr>(target)) {
            target = subscript->getBase();
        } else if (const auto* op = dyn_cast<CXXOperatorCallExpr>(target);
                   op && op->getNumArgs() >= 1 &&
                   (op->getOperator() == OO_Subscript || op->getOperator() == OO_Star ||
                    op->getOperator() == OO_Arrow)) {
            target = op->getArg(0);
        } else if (const auto* unary = dyn_cast<UnaryOperator>(target);
                   unary && unary->getOpcode() == UO_Deref) {
            target = unary->getSubExpr();
        } else {
            return nullptr;
        }
    }
    return nullptr;
}

// Every place the function gives a local variable a value: initializers, assignments,
// compound assignments, stream insertions, mutating member calls (`ids.push_back(id)`).
class DefinitionCollector : public RecursiveASTVisitor<DefinitionCollector> {
public:
    struct Definition {
        const VarDecl* target;
        const Stmt* value;
    };

    bool TraverseLambdaExpr(LambdaExpr*) { return true; } // its body is another function

    bool VisitVarDecl(VarDecl* var) {
        if (var->getInit()) {
            definitions.push_back({var, var->getInit()});
        }
        return true;
    }

    bool VisitCXXForRangeStmt(CXXForRangeStmt* loop) {
        definitions.push_back({loop->getLoopVariable(), loop->getRangeInit()});
        return true;
    }

    bool VisitBinaryOperator(BinaryOperator* binary) {
        if (binary->isAssignmentOp()) {
            add(binary->getLHS(), binary->getRHS());
        }
        return true;
    }

    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr* op) {
        OverloadedOperatorKind kind = op->getOperator();
        if (op->getNumArgs() == 2 &&
            (kind == OO_Equal || kind == OO_PlusEqual || kind == OO_LessLess)) {
            add(op->getArg(0), op->getArg(1));
        }
        return true;
    }

    bool VisitCXXMemberCallExpr(CXXMemberCallExpr* call) {
        const auto* method = call->getMethodDecl();
        if (method && !method->isConst()) {
            for (const Expr* argument : call->arguments()) {
                add(call->getImplicitObjectArgument(), argument);
            }
        }
        return true;
    }

    std::vector<Definition> definitions;

private:
    void add(const Expr* target, const Expr* value) {
        if (const VarDecl* var = targetVariable(target)) {
            definitions.push_back({var, value});
        }
    }
};

} // namespace

DerivedValues::DerivedValues(ASTContext& context, const FunctionDecl& function, Seed seed,
                             Barrier barrier)
    : context_(context), seed_(std::move(seed)), barrier_(std::move(barrier)) {
    DefinitionCollector collector;
    collector.TraverseStmt(function.getBody());
    // Derivations chain through at most a few variables in real handlers; iterate to the
    // fixpoint with a bound.
    for (int round = 0; round < 8; ++round) {
        bool changed = false;
        for (const auto& definition : collector.definitions) {
            if (variables_.contains(definition.target)) {
                continue;
            }
            core::CodeFlow flow = search(*definition.value);
            if (flow.empty()) {
                continue;
            }
            if (!definition.target->isImplicit()) {
                flow.push_back({toSourceLocation(context_.getSourceManager(),
                                                 definition.value->getSourceRange()),
                                "assigned to '" + definition.target->getNameAsString() + "'"});
            }
            variables_[definition.target] = std::move(flow);
            changed = true;
        }
        if (!changed) {
            break;
        }
    }
}

core::CodeFlow DerivedValues::search(const Stmt& statement) const {
    if (const auto* expr = dyn_cast<Expr>(&statement)) {
        if (auto step = seed_(*expr)) {
            return {*step};
        }
        if (barrier_ && barrier_(*expr)) {
            return {};
        }
        if (const auto* ref = dyn_cast<DeclRefExpr>(expr->IgnoreParenImpCasts())) {
            if (auto found = variables_.find(ref->getDecl()); found != variables_.end()) {
                return found->second;
            }
        }
    }
    if (isa<LambdaExpr>(statement)) {
        return {};
    }
    for (const Stmt* child : statement.children()) {
        if (child) {
            if (core::CodeFlow flow = search(*child); !flow.empty()) {
                return flow;
            }
        }
    }
    return {};
}

core::CodeFlow DerivedValues::flowTo(const Stmt& expression) const {
    return search(expression);
}

} // namespace privaudit::cpp
