#include "analyzers/cpp/request_handlers.h"

#include "analyzers/cpp/decl_classifier.h"

#include <algorithm>
#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <map>

namespace privaudit::cpp {

using namespace clang;

namespace {

bool isSmartPointer(const std::string& name) {
    return name == "std::shared_ptr" || name == "std::unique_ptr" || name == "std::weak_ptr";
}

bool anyName(const std::vector<std::string>& names, auto&& predicate) {
    return std::ranges::any_of(names, predicate);
}

// The qualified name of the controller base `record` derives from; empty when none.
std::string controllerBaseOf(const CXXRecordDecl& record, const AccessModels& models) {
    std::string found;
    if (record.hasDefinition()) {
        record.forallBases([&](const CXXRecordDecl* base) {
            if (models.isControllerBase(modelName(*base))) {
                found = modelName(*base);
            }
            return true;
        });
    }
    return found;
}

// The types frameworks parse path and query segments into: numbers, strings, oatpp's wrappers.
// Other parameters (a repository passed by reference) are not request input.
bool isRouteValue(QualType type) {
    type = type.getNonReferenceType().getCanonicalType();
    if (type->isArithmeticType() && !type->isBooleanType()) {
        return true;
    }
    if (type->isPointerType()) {
        return type->getPointeeType()->isAnyCharacterType();
    }
    const auto* record = type->getAsCXXRecordDecl();
    if (!record) {
        return false;
    }
    std::string name = modelName(*record);
    return name == "std::basic_string" || name == "std::basic_string_view" ||
           name.starts_with("oatpp::");
}

// Which framework a handler belongs to, for messages: the namespace of its request type or
// controller base ("httplib" -> "cpp-httplib").
std::string frameworkOf(const std::string& qualifiedName) {
    static const std::map<std::string, std::string> frameworks = {
        {"httplib", "cpp-httplib"}, {"crow", "Crow"},   {"drogon", "Drogon"},
        {"Pistache", "Pistache"},   {"oatpp", "oatpp"}, {"boost", "Boost.Beast"}};
    std::string top = qualifiedName.substr(0, qualifiedName.find("::"));
    auto found = frameworks.find(top);
    return found == frameworks.end() ? "" : found->second + " ";
}

class HandlerFinder : public RecursiveASTVisitor<HandlerFinder> {
public:
    HandlerFinder(ASTContext& context, const AccessModels& models)
        : context_(context), models_(models) {}

    bool shouldVisitLambdaBodies() const { return true; }
    bool shouldVisitTemplateInstantiations() const { return true; }

    bool VisitFunctionDecl(FunctionDecl* function) {
        classify(*function);
        return true;
    }

    bool VisitLambdaExpr(LambdaExpr* lambda) {
        if (CXXMethodDecl* callOperator = lambda->getCallOperator()) {
            classify(*callOperator);
        }
        return true;
    }

    void classify(const FunctionDecl& function) {
        if (!isUserCode(function)) {
            return;
        }
        std::string name = modelName(function);
        for (const ParmVarDecl* parameter : function.parameters()) {
            for (const std::string& type : typeNames(parameter->getType(), context_)) {
                if (models_.isRequestType(type)) {
                    note(function, frameworkOf(type) + "request handler");
                }
            }
        }
        if (const auto* method = dyn_cast<CXXMethodDecl>(&function);
            method && !method->isStatic() && !isa<CXXConstructorDecl, CXXDestructorDecl>(method) &&
            !method->isOverloadedOperator() && method->getAccess() == AS_public &&
            !controllerBaseOf(*method->getParent(), models_).empty()) {
            note(function, frameworkOf(controllerBaseOf(*method->getParent(), models_)) +
                               "controller method");
        }
        if (models_.matchesHandlerPattern(name)) {
            note(function, "request handler (policy)");
        }
    }

    bool VisitCallExpr(CallExpr* call) {
        const FunctionDecl* callee = call->getDirectCallee();
        if (!callee || !models_.isRouteRegistration(modelName(*callee))) {
            return true;
        }
        std::string description = frameworkOf(modelName(*callee)) + "route handler";
        for (const Expr* argument : call->arguments()) {
            if (const FunctionDecl* registered = callableOf(argument)) {
                note(*registered, description);
            }
        }
        return true;
    }

    std::vector<RequestHandler> handlers() const {
        std::vector<RequestHandler> result;
        for (const auto& [function, description] : found_) {
            result.push_back(describe(*function, description));
        }
        std::ranges::sort(result, [&](const RequestHandler& a, const RequestHandler& b) {
            return context_.getSourceManager().isBeforeInTranslationUnit(a.function->getBeginLoc(),
                                                                         b.function->getBeginLoc());
        });
        return result;
    }

private:
    bool isUserCode(const FunctionDecl& function) const {
        return function.doesThisDeclarationHaveABody() && !function.isDependentContext() &&
               !context_.getSourceManager().isInSystemHeader(function.getLocation());
    }

    void note(const FunctionDecl& function, std::string description) {
        const FunctionDecl* definition = function.getDefinition();
        if (definition && isUserCode(*definition)) {
            found_.try_emplace(definition, std::move(description));
        }
    }

    // The function a route registration's argument calls: a lambda, `&Api::getOrder`,
    // `handleOrder`, or any of those wrapped in std::function or a bind.
    const FunctionDecl* callableOf(const Expr* argument) const {
        argument = argument->IgnoreParenImpCasts();
        while (true) {
            if (const auto* temporary = dyn_cast<MaterializeTemporaryExpr>(argument)) {
                argument = temporary->getSubExpr()->IgnoreParenImpCasts();
            } else if (const auto* bind = dyn_cast<CXXBindTemporaryExpr>(argument)) {
                argument = bind->getSubExpr()->IgnoreParenImpCasts();
            } else if (const auto* construct = dyn_cast<CXXConstructExpr>(argument);
                       construct && construct->getNumArgs() >= 1) {
                argument = construct->getArg(0)->IgnoreParenImpCasts();
            } else if (const auto* cast = dyn_cast<CastExpr>(argument)) {
                argument = cast->getSubExpr()->IgnoreParenImpCasts();
            } else {
                break;
            }
        }
        if (const auto* lambda = dyn_cast<LambdaExpr>(argument)) {
            return lambda->getCallOperator();
        }
        if (const auto* unary = dyn_cast<UnaryOperator>(argument);
            unary && unary->getOpcode() == UO_AddrOf) {
            argument = unary->getSubExpr()->IgnoreParenImpCasts();
        }
        if (const auto* ref = dyn_cast<DeclRefExpr>(argument)) {
            return dyn_cast<FunctionDecl>(ref->getDecl());
        }
        return nullptr;
    }

    RequestHandler describe(const FunctionDecl& function, const std::string& description) const {
        RequestHandler handler;
        handler.function = &function;
        handler.description = description;
        const auto* method = dyn_cast<CXXMethodDecl>(&function);
        handler.name = method && method->getParent()->isLambda()
                           ? "lambda"
                           : "'" + function.getNameAsString() + "'";
        for (const ParmVarDecl* parameter : function.parameters()) {
            std::vector<std::string> names = typeNames(parameter->getType(), context_);
            if (anyName(names, [&](const std::string& n) { return models_.isRequestType(n); })) {
                handler.requests.push_back(parameter);
            } else if (anyName(names,
                               [&](const std::string& n) { return models_.isResponseType(n); })) {
                handler.responses.push_back(parameter);
            } else if (isRouteValue(parameter->getType())) {
                handler.routeParameters.push_back(parameter);
            }
        }
        if (method) {
            const CXXRecordDecl* record = method->getParent();
            if (!record->isLambda()) {
                handler.sharedInstance = record;
            } else {
                for (const LambdaCapture& capture : record->captures()) {
                    if (capture.capturesThis()) {
                        handler.sharedInstance = enclosingRecord(*record);
                    }
                }
            }
        }
        return handler;
    }

    static const CXXRecordDecl* enclosingRecord(const CXXRecordDecl& lambda) {
        for (const DeclContext* context = lambda.getDeclContext(); context;
             context = context->getParent()) {
            if (const auto* record = dyn_cast<CXXRecordDecl>(context);
                record && !record->isLambda()) {
                return record;
            }
        }
        return nullptr;
    }

    ASTContext& context_;
    const AccessModels& models_;
    std::map<const FunctionDecl*, std::string> found_;
};

} // namespace

std::vector<std::string> typeNames(QualType type, const ASTContext& context) {
    std::vector<std::string> names;
    type = type.getNonReferenceType();
    if (type->isPointerType()) {
        type = type->getPointeeType();
    }
    while (true) {
        type = type.getLocalUnqualifiedType();
        const Type* written = type.getTypePtr();
        if (const auto* typedefType = dyn_cast<TypedefType>(written)) {
            names.push_back(modelName(*typedefType->getDecl()));
        } else if (const auto* specialization = dyn_cast<TemplateSpecializationType>(written)) {
            if (const TemplateDecl* decl = specialization->getTemplateName().getAsTemplateDecl()) {
                names.push_back(modelName(*decl));
            }
        } else if (const auto* recordType = dyn_cast<RecordType>(written)) {
            names.push_back(modelName(*recordType->getDecl()));
            const auto* smart = dyn_cast<ClassTemplateSpecializationDecl>(recordType->getDecl());
            if (smart && isSmartPointer(names.back()) && smart->getTemplateArgs().size() > 0 &&
                smart->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
                type = smart->getTemplateArgs()[0].getAsType();
                continue;
            }
            return names;
        }
        QualType next = type.getSingleStepDesugaredType(context);
        if (next == type) {
            return names;
        }
        type = next;
    }
}

std::vector<RequestHandler> findRequestHandlers(ASTContext& context, const AccessModels& models) {
    HandlerFinder finder(context, models);
    finder.TraverseAST(context);
    return finder.handlers();
}

} // namespace privaudit::cpp
