#pragma once

#include "analyzers/cpp/access_models.h"
#include "analyzers/cpp/derived_values.h"
#include "analyzers/cpp/request_handlers.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <string>
#include <vector>

namespace privaudit::checks {

// What a request handler computes from the request (route parameters, body, query, headers)
// and from the authenticated session (the caller's own customer id). A value taken from the
// session is not request input even when the session was found through the request.
class HandlerInputs {
public:
    HandlerInputs(clang::ASTContext& context, const cpp::RequestHandler& handler,
                  const cpp::AccessModels& models);
    HandlerInputs(const HandlerInputs&) = delete; // the seeds refer to this object
    HandlerInputs& operator=(const HandlerInputs&) = delete;

    const cpp::DerivedValues& request() const { return request_; }
    const cpp::DerivedValues& session() const { return session_; }

    // Whether `expr` reads the caller's identity: a session-identity call (`authenticate(req)`,
    // `req->getSession()`) or an object of a session type.
    bool isSessionIdentity(const clang::Expr& expr) const;

private:
    std::optional<core::FlowStep> requestInput(const clang::Expr& expr) const;
    std::optional<core::FlowStep> sessionInput(const clang::Expr& expr) const;
    core::FlowStep step(const clang::Expr& at, std::string message) const;

    clang::ASTContext& context_;
    const cpp::RequestHandler& handler_;
    const cpp::AccessModels& models_;
    cpp::DerivedValues request_;
    cpp::DerivedValues session_;
};

// The calls a function makes itself, in source order: not those inside its lambdas.
std::vector<const clang::CallExpr*> callsIn(const clang::FunctionDecl& function);

// The name of the class a call's callee is a member of ("OrderRepository"); empty otherwise.
std::string calleeClassName(const clang::CallExpr& call);

} // namespace privaudit::checks
