#pragma once

#include "analyzers/cpp/access_models.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class FunctionDecl;
class ParmVarDecl;
class QualType;
} // namespace clang

namespace privaudit::cpp {

// A function a web framework calls for each request (for a lambda: its call operator).
struct RequestHandler {
    const clang::FunctionDecl* function = nullptr;
    std::string description; // "cpp-httplib route handler", "Drogon controller method"
    std::string name;        // "'getOrder'", or "lambda"
    std::vector<const clang::ParmVarDecl*> requests;        // the request objects
    std::vector<const clang::ParmVarDecl*> routeParameters; // values parsed from the request
    std::vector<const clang::ParmVarDecl*> responses;       // where the reply is written
    // The object whose members the handler reads and writes, served to every request: a
    // controller, a Pistache endpoint class, the `this` a route lambda captures. Null for free
    // functions and lambdas that capture no object.
    const clang::CXXRecordDecl* sharedInstance = nullptr;
};

// The request handlers defined in the translation unit outside system headers: functions
// taking a request type, methods of controller classes, callables passed to route
// registrations, and functions matching the policy's handler name patterns.
std::vector<RequestHandler> findRequestHandlers(clang::ASTContext& context,
                                                const AccessModels& models);

// The qualified names a type is spelled with, from the outermost sugar to the canonical
// record, looking through references, pointers and smart pointers:
// `const HttpRequestPtr&` -> drogon::HttpRequestPtr, std::shared_ptr, drogon::HttpRequest.
std::vector<std::string> typeNames(clang::QualType type, const clang::ASTContext& context);

} // namespace privaudit::cpp
