#pragma once

#include <clang/AST/ASTContext.h>
#include <clang/AST/ASTTypeTraits.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ParentMapContext.h>
#include <optional>
#include <string>
#include <string_view>

// Small questions about the Clang AST that several C++ checks ask.
namespace privaudit::checks {

// The function or method `node` is written in (for a lambda, its call operator); null at
// namespace scope.
const clang::FunctionDecl* enclosingFunction(clang::ASTContext& context,
                                             const clang::DynTypedNode& node);

// The body of the enclosing function; null at namespace scope.
const clang::Stmt* enclosingFunctionBody(clang::ASTContext& context,
                                         const clang::DynTypedNode& node);

// The source text of `expr` as written, macro names unexpanded ("CALG_MD5", "EVP_sha1()").
std::string writtenText(const clang::Expr& expr, const clang::ASTContext& context);

// The variable or field an expression designates: `ctx`, `ctx.get()`, `&handle`, `ctx_`.
const clang::ValueDecl* designatedObject(const clang::Expr* expr);

// Whether `stmt` refers to `decl` anywhere inside it.
bool refersTo(const clang::Stmt* stmt, const clang::ValueDecl* decl);

// The value of an integer or boolean constant expression.
std::optional<long long> constantValue(const clang::Expr* expr, const clang::ASTContext& context);

// The name of the function a call calls directly; empty for calls through pointers and
// operators.
llvm::StringRef calleeName(const clang::CallExpr& call);

// The initializer of the local or global variable `expr` names, if it has one.
const clang::Expr* initializerOfNamedVariable(const clang::Expr* expr);

} // namespace privaudit::checks
