// cpp/cleartext-transmission, plain HTTP: a request with a body sent to an http:// URL that is
// not the local machine: libcurl's CURLOPT_URL in a function that also sets a request body, and
// a cpp-httplib Client (plain HTTP for http:// and for a host without a scheme) that posts.
// See docs/rules/cpp-cleartext-transmission.md.
#include "analyzers/cpp/cpp_check.h"
#include "checks/cpp/ast_queries.h"
#include "core/check_registry.h"

#include <cctype>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

namespace privaudit::checks {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringRef curlBodyOptions[] = {"CURLOPT_POSTFIELDS", "CURLOPT_COPYPOSTFIELDS",
                                               "CURLOPT_MIMEPOST"};
constexpr llvm::StringRef httplibClients[] = {"::httplib::Client", "::httplib::ClientImpl"};
constexpr llvm::StringRef httplibBodyMethods[] = {"Post", "Put", "Patch"};

// The string literal a URL expression starts with: "http://crm/api" in
// std::string(kCrmBase) + "/notes", url.c_str(), a variable's initializer.
std::optional<std::string> leadingLiteral(const Expr* expr, int depth = 0) {
    if (!expr || depth > 8) {
        return std::nullopt;
    }
    expr = expr->IgnoreImplicit()->IgnoreParenCasts();
    if (const auto* literal = dyn_cast<StringLiteral>(expr)) {
        return literal->getCharByteWidth() == 1 ? std::optional(literal->getString().str())
                                                : std::nullopt;
    }
    if (const auto* call = dyn_cast<CXXMemberCallExpr>(expr)) {
        return leadingLiteral(call->getImplicitObjectArgument(), depth + 1); // url.c_str()
    }
    if (const auto* op = dyn_cast<CXXOperatorCallExpr>(expr);
        op && op->getOperator() == OO_Plus && op->getNumArgs() == 2) {
        return leadingLiteral(op->getArg(0), depth + 1);
    }
    if (const auto* construct = dyn_cast<CXXConstructExpr>(expr);
        construct && construct->getNumArgs() > 0) {
        return leadingLiteral(construct->getArg(0), depth + 1); // std::string("http://...")
    }
    return leadingLiteral(initializerOfNamedVariable(expr), depth + 1);
}

bool isLoopback(std::string_view host) {
    return host == "localhost" || host.ends_with(".localhost") || host.starts_with("127.") ||
           host == "[::1]" || host == "0.0.0.0";
}

// The host a plain-HTTP URL names; nothing for https://, other schemes, the local machine and
// a host that is only known at run time ("http://" + host).
std::optional<std::string> plainHttpHost(std::string url, bool schemelessIsHttp) {
    for (char& c : url) {
        c = char(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string_view rest = url;
    if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else if (!schemelessIsHttp || rest.find("://") != std::string_view::npos) {
        return std::nullopt;
    }
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (size_t at = rest.rfind('@'); at != std::string_view::npos) {
        rest.remove_prefix(at + 1); // user:password@
    }
    size_t portColon = rest.starts_with('[') ? rest.find("]:") : rest.find(':');
    std::string_view host = portColon == std::string_view::npos
                                ? rest
                                : rest.substr(0, portColon + (rest.starts_with('[') ? 1 : 0));
    if (host.empty() || isLoopback(host)) {
        return std::nullopt;
    }
    return std::string(host);
}

auto curlSetopt(llvm::ArrayRef<llvm::StringRef> options) {
    return callExpr(callee(functionDecl(hasName("curl_easy_setopt"))),
                    hasArgument(1, ignoringParenImpCasts(
                                       declRefExpr(to(enumConstantDecl(hasAnyName(options)))))));
}

class PlainHttpCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/cleartext-transmission"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(callExpr(unless(isExpansionInSystemHeader()), curlSetopt({"CURLOPT_URL"}))
                              .bind("curlUrl"),
                          this);
        finder.addMatcher(varDecl(unless(isExpansionInSystemHeader()),
                                  hasType(cxxRecordDecl(hasAnyName(httplibClients))))
                              .bind("httplibClient"),
                          this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        ASTContext& context = *result.Context;
        if (const auto* call = result.Nodes.getNodeAs<CallExpr>("curlUrl")) {
            checkCurl(*call, context);
        } else if (const auto* client = result.Nodes.getNodeAs<VarDecl>("httplibClient")) {
            checkHttplib(*client, context);
        }
    }

private:
    // curl_easy_setopt(curl, CURLOPT_URL, "http://...") where the function also sets a body.
    void checkCurl(const CallExpr& call, ASTContext& context) {
        if (call.getNumArgs() != 3) {
            return;
        }
        auto url = leadingLiteral(call.getArg(2));
        auto host = url ? plainHttpHost(*url, false) : std::nullopt;
        const Stmt* body =
            host ? enclosingFunctionBody(context, DynTypedNode::create(call)) : nullptr;
        // CURLOPT_POST 1 sends a body too; CURLOPT_POST 0 switches back to GET.
        auto postOn =
            callExpr(curlSetopt({"CURLOPT_POST"}),
                     hasArgument(2, ignoringParenImpCasts(unless(integerLiteral(equals(0))))));
        if (!body || (match(findAll(curlSetopt(curlBodyOptions)), *body, context).empty() &&
                      match(findAll(postOn), *body, context).empty())) {
            return;
        }
        report(context.getSourceManager(), call.getArg(2)->getSourceRange(),
               "A request body is sent to " + *host +
                   " over plain HTTP (CURLOPT_URL is http://): anyone on the network path can "
                   "read and change it; use https://",
               {});
    }

    // httplib::Client crm("http://crm.example.com"); crm.Post(...)
    void checkHttplib(const VarDecl& client, ASTContext& context) {
        // Client c("http://..."), Client c{"..."} and auto c = Client("...") alike.
        const Expr* init = client.getInit() ? client.getInit()->IgnoreImplicit() : nullptr;
        if (const auto* cast = dyn_cast_or_null<CXXFunctionalCastExpr>(init)) {
            init = cast->getSubExpr()->IgnoreImplicit();
        }
        const auto* construct = dyn_cast_or_null<CXXConstructExpr>(init);
        if (!construct || construct->getNumArgs() == 0) {
            return;
        }
        auto url = leadingLiteral(construct->getArg(0));
        auto host = url ? plainHttpHost(*url, true) : std::nullopt;
        const Stmt* body =
            host ? enclosingFunctionBody(context, DynTypedNode::create(client)) : nullptr;
        auto sendsBody = cxxMemberCallExpr(on(declRefExpr(to(varDecl(equalsNode(&client))))),
                                           callee(cxxMethodDecl(hasAnyName(httplibBodyMethods))));
        if (!body || match(findAll(sendsBody), *body, context).empty()) {
            return;
        }
        report(context.getSourceManager(), construct->getArg(0)->getSourceRange(),
               "cpp-httplib Client '" + client.getNameAsString() + "' sends request bodies to " +
                   *host +
                   " over plain HTTP: anyone on the network path can read and change them; use "
                   "an https:// URL (CPPHTTPLIB_OPENSSL_SUPPORT) or httplib::SSLClient",
               {});
    }
};

core::CheckRegistration<cpp::CppCheck, PlainHttpCheck> registration;

} // namespace

} // namespace privaudit::checks
