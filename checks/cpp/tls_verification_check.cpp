// cpp/cleartext-transmission, TLS verification turned off: libcurl's CURLOPT_SSL_VERIFYPEER/HOST
// set to 0, cpp-httplib's enable_server_certificate_verification(false), OpenSSL's
// SSL_VERIFY_NONE and Boost.Asio's ssl::verify_none in a client, and verify callbacks that
// accept every certificate. See docs/rules/cpp-cleartext-transmission.md.
#include "analyzers/cpp/cpp_check.h"
#include "checks/cpp/ast_queries.h"
#include "core/check_registry.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

namespace privaudit::checks {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringRef curlVerifyOptions[] = {"CURLOPT_SSL_VERIFYPEER", "CURLOPT_SSL_VERIFYHOST",
                                                 "CURLOPT_PROXY_SSL_VERIFYPEER",
                                                 "CURLOPT_PROXY_SSL_VERIFYHOST"};

std::string message(const std::string& how, std::string_view advice) {
    return "TLS certificate verification is turned off (" + how +
           "): anyone on the network path can read and change what is sent; " + std::string(advice);
}

bool isZero(const Expr* expr, const ASTContext& context) {
    return constantValue(expr, context) == 0;
}

bool hasWord(std::string_view name, std::string_view word) {
    std::vector<std::string> words = core::identifierWords(name);
    return std::ranges::find(words, word) != words.end();
}

// OpenSSL and Asio servers do not verify clients by default, so SSL_VERIFY_NONE there is
// normal: the function or its class is named as a server, or it uses a server method, role or
// accept call (TLS_server_method, ssl::context::tls_server, stream_base::server, SSL_accept).
bool actsAsServer(const FunctionDecl& function) {
    auto serverName = [](const NamedDecl* decl) {
        return decl && decl->getIdentifier() &&
               (hasWord(decl->getName(), "server") || decl->getName() == "SSL_accept" ||
                decl->getName() == "SSL_set_accept_state");
    };
    if (serverName(&function) || serverName(dyn_cast<CXXRecordDecl>(function.getParent()))) {
        return true;
    }
    std::vector<const Stmt*> pending = {function.getBody()};
    while (!pending.empty()) {
        const Stmt* stmt = pending.back();
        pending.pop_back();
        if (!stmt) {
            continue;
        }
        if (const auto* ref = dyn_cast<DeclRefExpr>(stmt);
            ref && isa<FunctionDecl, EnumConstantDecl>(ref->getDecl()) &&
            serverName(ref->getDecl())) {
            return true;
        }
        pending.insert(pending.end(), stmt->child_begin(), stmt->child_end());
    }
    return false;
}

// A verify callback whose body is only `return true;` (or `return 1;`).
bool acceptsEveryCertificate(const Expr* callback, const ASTContext& context) {
    callback = callback->IgnoreParenImpCasts();
    const FunctionDecl* function = nullptr;
    if (const auto* lambda = dyn_cast<LambdaExpr>(callback)) {
        function = lambda->getCallOperator();
    } else if (const auto* ref = dyn_cast<DeclRefExpr>(callback)) {
        function = dyn_cast<FunctionDecl>(ref->getDecl());
    } else if (const auto* unary = dyn_cast<UnaryOperator>(callback);
               unary && unary->getOpcode() == UO_AddrOf) {
        return acceptsEveryCertificate(unary->getSubExpr(), context);
    }
    const auto* body =
        function && function->hasBody() ? dyn_cast<CompoundStmt>(function->getBody()) : nullptr;
    const auto* only =
        body && body->size() == 1 ? dyn_cast<ReturnStmt>(body->body_front()) : nullptr;
    auto value = only ? constantValue(only->getRetValue(), context) : std::nullopt;
    return value && *value != 0;
}

class TlsVerificationCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/cleartext-transmission"; }

    void registerMatchers(MatchFinder& finder) override {
        auto notSystem = unless(isExpansionInSystemHeader());
        finder.addMatcher(
            callExpr(notSystem, callee(functionDecl(hasName("curl_easy_setopt"))),
                     hasArgument(
                         1, ignoringParenImpCasts(declRefExpr(to(
                                enumConstantDecl(hasAnyName(curlVerifyOptions)).bind("option"))))))
                .bind("curl"),
            this);
        finder.addMatcher(
            cxxMemberCallExpr(
                notSystem, callee(cxxMethodDecl(hasName("enable_server_certificate_verification"))))
                .bind("httplib"),
            this);
        finder.addMatcher(callExpr(notSystem, callee(functionDecl(hasAnyName("SSL_CTX_set_verify",
                                                                             "SSL_set_verify"))))
                              .bind("openssl"),
                          this);
        finder.addMatcher(
            cxxMemberCallExpr(notSystem, callee(cxxMethodDecl(
                                             hasAnyName("set_verify_mode", "set_verify_callback"))))
                .bind("asio"),
            this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        const ASTContext& context = *result.Context;
        const auto& nodes = result.Nodes;
        if (const auto* call = nodes.getNodeAs<CallExpr>("curl")) {
            if (call->getNumArgs() == 3 && isZero(call->getArg(2), context)) {
                std::string option = nodes.getNodeAs<EnumConstantDecl>("option")->getNameAsString();
                reportAt(*call, result,
                         message(option + " set to 0", "keep verification on and point "
                                                       "CURLOPT_CAINFO at the right CA bundle"));
            }
        } else if (const auto* call = nodes.getNodeAs<CXXMemberCallExpr>("httplib")) {
            if (call->getNumArgs() == 1 && isZero(call->getArg(0), context)) {
                reportAt(*call, result,
                         message("enable_server_certificate_verification(false)",
                                 "keep it on and name the CA bundle with set_ca_cert_path"));
            }
        } else if (const auto* call = nodes.getNodeAs<CallExpr>("openssl")) {
            checkOpenSsl(*call, result);
        } else if (const auto* call = nodes.getNodeAs<CXXMemberCallExpr>("asio")) {
            checkAsio(*call, result);
        }
    }

private:
    void reportAt(const Expr& call, const MatchFinder::MatchResult& result, std::string text) {
        report(*result.SourceManager, call.getSourceRange(), std::move(text), {});
    }

    bool inClient(const Expr& call, const MatchFinder::MatchResult& result) {
        const FunctionDecl* function =
            enclosingFunction(*result.Context, DynTypedNode::create(call));
        return function && !actsAsServer(*function);
    }

    // SSL_CTX_set_verify(ctx, mode, callback)
    void checkOpenSsl(const CallExpr& call, const MatchFinder::MatchResult& result) {
        if (call.getNumArgs() != 3 || !inClient(call, result)) {
            return;
        }
        std::string function(calleeName(call));
        if (isZero(call.getArg(1), *result.Context)) {
            reportAt(call, result,
                     message("SSL_VERIFY_NONE in " + function,
                             "use SSL_VERIFY_PEER with the system CA store "
                             "(SSL_CTX_set_default_verify_paths)"));
        } else if (acceptsEveryCertificate(call.getArg(2), *result.Context)) {
            reportAt(call, result,
                     message("the verify callback given to " + function +
                                 " accepts every "
                                 "certificate",
                             "let OpenSSL's own verification decide"));
        }
    }

    // ctx.set_verify_mode(ssl::verify_none), ctx.set_verify_callback([](bool, auto&) { ... })
    void checkAsio(const CXXMemberCallExpr& call, const MatchFinder::MatchResult& result) {
        if (call.getNumArgs() == 0 || !inClient(call, result)) {
            return;
        }
        std::string method = call.getMethodDecl()->getNameAsString();
        if (method == "set_verify_mode" && isZero(call.getArg(0), *result.Context)) {
            reportAt(call, result,
                     message("set_verify_mode(ssl::verify_none)",
                             "use ssl::verify_peer with set_default_verify_paths()"));
        } else if (method == "set_verify_callback" &&
                   acceptsEveryCertificate(call.getArg(0), *result.Context)) {
            reportAt(call, result,
                     message("a verify callback that accepts every certificate",
                             "verify the host name with ssl::host_name_verification"));
        }
    }
};

core::CheckRegistration<cpp::CppCheck, TlsVerificationCheck> registration;

} // namespace

} // namespace privaudit::checks
