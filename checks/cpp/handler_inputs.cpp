#include "checks/cpp/handler_inputs.h"

#include "analyzers/cpp/cpp_check.h"
#include "analyzers/cpp/decl_classifier.h"

#include <algorithm>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <functional>

namespace privaudit::checks {

using namespace clang;

namespace {

class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
    bool TraverseLambdaExpr(LambdaExpr*) { return true; }
    bool VisitCallExpr(CallExpr* call) {
        calls.push_back(call);
        return true;
    }
    std::vector<const CallExpr*> calls;
};

// The parameter `expr` names, looking through member accesses and calls on it:
// `req.body`, `req->getParameter("id")`, `request.param(":id").as<int>()`. `stop` ends the
// search at a link of the chain (`req->session()`).
const ParmVarDecl* rootParameter(const Expr* expr, const std::function<bool(const Expr&)>& stop) {
    while (expr) {
        expr = expr->IgnoreParenImpCasts();
        if (stop(*expr)) {
            return nullptr;
        }
        if (const auto* ref = dyn_cast<DeclRefExpr>(expr)) {
            return dyn_cast<ParmVarDecl>(ref->getDecl());
        }
        if (const auto* member = dyn_cast<MemberExpr>(expr)) {
            expr = member->getBase();
        } else if (const auto* call = dyn_cast<CXXMemberCallExpr>(expr)) {
            expr = call->getImplicitObjectArgument();
        } else if (const auto* op = dyn_cast<CXXOperatorCallExpr>(expr);
                   op && op->getNumArgs() > 0) {
            expr = op->getArg(0);
        } else {
            return nullptr;
        }
    }
    return nullptr;
}

bool contains(const std::vector<const ParmVarDecl*>& parameters, const ParmVarDecl* parameter) {
    return std::ranges::find(parameters, parameter) != parameters.end();
}

} // namespace

std::vector<const CallExpr*> callsIn(const FunctionDecl& function) {
    CallCollector collector;
    collector.TraverseStmt(function.getBody());
    return collector.calls;
}

std::string calleeClassName(const CallExpr& call) {
    const auto* method = dyn_cast_or_null<CXXMethodDecl>(call.getDirectCallee());
    return method ? method->getParent()->getNameAsString() : "";
}

HandlerInputs::HandlerInputs(ASTContext& context, const cpp::RequestHandler& handler,
                             const cpp::AccessModels& models)
    : context_(context), handler_(handler), models_(models),
      request_(
          context, *handler.function, [this](const Expr& expr) { return requestInput(expr); },
          [this](const Expr& expr) { return isSessionIdentity(expr); }),
      session_(context, *handler.function,
               [this](const Expr& expr) { return sessionInput(expr); }) {}

core::FlowStep HandlerInputs::step(const Expr& at, std::string message) const {
    return {cpp::toSourceLocation(context_.getSourceManager(), at.getSourceRange()),
            std::move(message)};
}

// The outermost expression that reads from a request object, or a route parameter.
std::optional<core::FlowStep> HandlerInputs::requestInput(const Expr& expr) const {
    const Expr* inner = expr.IgnoreParenImpCasts();
    if (const auto* ref = dyn_cast<DeclRefExpr>(inner)) {
        const auto* parameter = dyn_cast<ParmVarDecl>(ref->getDecl());
        if (parameter && contains(handler_.routeParameters, parameter)) {
            return step(expr, "route parameter '" + parameter->getNameAsString() + "'");
        }
    }
    if (isa<MemberExpr, CXXMemberCallExpr, CXXOperatorCallExpr>(inner)) {
        const ParmVarDecl* parameter =
            rootParameter(inner, [this](const Expr& link) { return isSessionIdentity(link); });
        if (parameter && contains(handler_.requests, parameter)) {
            std::string what;
            if (const auto* call = dyn_cast<CXXMemberCallExpr>(inner);
                call && call->getMethodDecl()) {
                what = " by '" + call->getMethodDecl()->getNameAsString() + "'";
            } else if (const auto* member = dyn_cast<MemberExpr>(inner)) {
                what = " '" + member->getMemberDecl()->getNameAsString() + "'";
            }
            return step(expr, "read from the request" + what);
        }
    }
    return std::nullopt;
}

bool HandlerInputs::isSessionIdentity(const Expr& expr) const {
    const Expr* inner = expr.IgnoreParenImpCasts();
    if (const auto* call = dyn_cast<CallExpr>(inner)) {
        const FunctionDecl* callee = call->getDirectCallee();
        return callee && models_.isSessionIdentity(cpp::modelName(*callee), callee->getName());
    }
    const ValueDecl* decl = nullptr;
    if (const auto* ref = dyn_cast<DeclRefExpr>(inner)) {
        decl = ref->getDecl();
    } else if (const auto* member = dyn_cast<MemberExpr>(inner)) {
        decl = member->getMemberDecl();
    }
    if (!decl || isa<FunctionDecl>(decl)) {
        return false;
    }
    if (const auto* parameter = dyn_cast<ParmVarDecl>(decl);
        parameter &&
        (contains(handler_.routeParameters, parameter) || contains(handler_.requests, parameter))) {
        return false;
    }
    return std::ranges::any_of(
        cpp::typeNames(decl->getType(), context_),
        [&](const std::string& type) { return models_.isSessionIdentity(type, type); });
}

std::optional<core::FlowStep> HandlerInputs::sessionInput(const Expr& expr) const {
    if (!isSessionIdentity(expr)) {
        return std::nullopt;
    }
    return step(expr, "the authenticated session");
}

} // namespace privaudit::checks
