#include "checks/cpp/ast_queries.h"

#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

namespace privaudit::checks {

using namespace clang;

const FunctionDecl* enclosingFunction(ASTContext& context, const DynTypedNode& node) {
    DynTypedNodeList parents = context.getParents(node);
    while (!parents.empty()) {
        const DynTypedNode& parent = parents[0];
        if (const auto* lambda = parent.get<LambdaExpr>()) {
            return lambda->getCallOperator();
        }
        if (const auto* function = parent.get<FunctionDecl>()) {
            return function;
        }
        parents = context.getParents(parent);
    }
    return nullptr;
}

const Stmt* enclosingFunctionBody(ASTContext& context, const DynTypedNode& node) {
    const FunctionDecl* function = enclosingFunction(context, node);
    return function ? function->getBody() : nullptr;
}

std::string writtenText(const Expr& expr, const ASTContext& context) {
    const SourceManager& sources = context.getSourceManager();
    CharSourceRange range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(expr.getSourceRange()), sources, context.getLangOpts());
    if (range.isInvalid()) {
        // An argument inside a macro's own body: the macro invocation as written.
        range = sources.getExpansionRange(expr.getSourceRange());
    }
    return Lexer::getSourceText(range, sources, context.getLangOpts()).str();
}

const ValueDecl* designatedObject(const Expr* expr) {
    while (expr) {
        expr = expr->IgnoreParenCasts();
        if (const auto* ref = dyn_cast<DeclRefExpr>(expr)) {
            return ref->getDecl();
        }
        if (const auto* member = dyn_cast<MemberExpr>(expr)) {
            return member->getMemberDecl();
        }
        if (const auto* unary = dyn_cast<UnaryOperator>(expr);
            unary && (unary->getOpcode() == UO_AddrOf || unary->getOpcode() == UO_Deref)) {
            expr = unary->getSubExpr();
            continue;
        }
        // A smart pointer's raw pointer: ctx.get().
        if (const auto* call = dyn_cast<CXXMemberCallExpr>(expr);
            call && call->getMethodDecl() && call->getMethodDecl()->getIdentifier() &&
            call->getMethodDecl()->getName() == "get") {
            expr = call->getImplicitObjectArgument();
            continue;
        }
        return nullptr;
    }
    return nullptr;
}

bool refersTo(const Stmt* stmt, const ValueDecl* decl) {
    if (!stmt || !decl) {
        return false;
    }
    if (const auto* ref = dyn_cast<DeclRefExpr>(stmt); ref && ref->getDecl() == decl) {
        return true;
    }
    if (const auto* member = dyn_cast<MemberExpr>(stmt);
        member && member->getMemberDecl() == decl) {
        return true;
    }
    for (const Stmt* child : stmt->children()) {
        if (refersTo(child, decl)) {
            return true;
        }
    }
    return false;
}

std::optional<long long> constantValue(const Expr* expr, const ASTContext& context) {
    Expr::EvalResult result;
    if (!expr || expr->isValueDependent() || !expr->EvaluateAsInt(result, context)) {
        return std::nullopt;
    }
    return result.Val.getInt().getExtValue();
}

llvm::StringRef calleeName(const CallExpr& call) {
    const FunctionDecl* callee = call.getDirectCallee();
    if (!callee || !callee->getIdentifier()) {
        return {};
    }
    return callee->getName();
}

const Expr* initializerOfNamedVariable(const Expr* expr) {
    const auto* ref = expr ? dyn_cast<DeclRefExpr>(expr->IgnoreParenImpCasts()) : nullptr;
    const auto* variable = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    return variable && !isa<ParmVarDecl>(variable) ? variable->getAnyInitializer() : nullptr;
}

} // namespace privaudit::checks
