// cpp/hardcoded-secret: a string literal that is a credential, by the name it is bound to or
// by its own well-known format. See docs/rules/cpp-hardcoded-secret.md.
#include "analyzers/cpp/cpp_check.h"
#include "checks/common/secret_classifier.h"
#include "core/check_registry.h"
#include "core/masking.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

namespace privaudit::checks {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

// A constructor call that only converts its one written argument (std::string from a
// literal, with the allocator defaulted).
bool isConvertingConstruct(const Expr* expr) {
    const auto* construct = dyn_cast<CXXConstructExpr>(expr);
    if (!construct || construct->getNumArgs() == 0) {
        return false;
    }
    for (unsigned i = 1; i < construct->getNumArgs(); ++i) {
        if (!isa<CXXDefaultArgExpr>(construct->getArg(i))) {
            return false;
        }
    }
    return true;
}

// Nodes between a literal and what it is bound to that carry no meaning of their own.
bool isTransparent(const DynTypedNode& node) {
    const auto* expr = node.get<Expr>();
    return expr && (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                        ExprWithCleanups, CXXFunctionalCastExpr, CStyleCastExpr,
                        CXXStdInitializerListExpr, AbstractConditionalOperator>(expr) ||
                    isConvertingConstruct(expr));
}

// The string literal an expression is, under implicit conversions.
const StringLiteral* underlyingLiteral(const Expr* expr) {
    while (expr) {
        expr = expr->IgnoreImplicit();
        if (const auto* literal = dyn_cast<StringLiteral>(expr)) {
            return literal->getCharByteWidth() == 1 ? literal : nullptr;
        }
        expr = isConvertingConstruct(expr) ? cast<CXXConstructExpr>(expr)->getArg(0) : nullptr;
    }
    return nullptr;
}

std::string literalText(const Expr* expr) {
    const StringLiteral* literal = underlyingLiteral(expr);
    return literal ? literal->getString().str() : std::string();
}

std::string nameOf(const Expr* target) {
    target = target->IgnoreParenImpCasts();
    if (const auto* ref = dyn_cast<DeclRefExpr>(target)) {
        return ref->getDecl()->getNameAsString();
    }
    if (const auto* member = dyn_cast<MemberExpr>(target)) {
        return member->getMemberDecl()->getNameAsString();
    }
    // config["api_key"] = "...": the subscript names the value.
    if (const auto* call = dyn_cast<CXXOperatorCallExpr>(target);
        call && call->getOperator() == OO_Subscript && call->getNumArgs() == 2) {
        return literalText(call->getArg(1));
    }
    return {};
}

// setApiKey("..."), with_password("...") name their argument.
std::string setterSubject(const FunctionDecl* callee) {
    std::string name = callee ? callee->getNameAsString() : std::string();
    for (std::string_view prefix : {"set", "with", "Set", "With"}) {
        if (name.starts_with(prefix) && name.size() > prefix.size()) {
            return name.substr(prefix.size());
        }
    }
    return {};
}

// The names an argument may be bound to: the callee's parameter name, a setter's subject,
// and the string key just before it (headers.emplace("X-Api-Key", "..."), setenv("TOKEN", ...)).
std::vector<std::string> argumentNames(const Expr* const* args, unsigned count,
                                       const Expr* argument, const FunctionDecl* callee) {
    for (unsigned i = 0; i < count; ++i) {
        if (args[i] != argument) {
            continue;
        }
        std::vector<std::string> names;
        if (callee && i < callee->getNumParams()) {
            names.push_back(callee->getParamDecl(i)->getNameAsString());
        }
        names.push_back(setterSubject(callee));
        if (i > 0) {
            names.push_back(literalText(args[i - 1]));
        }
        return names;
    }
    return {};
}

// In an aggregate initializer the field names the value (DbConfig{.password = "..."}); in other
// lists the string just before it does ({"password", "hunter2"} pairs in maps and headers).
std::vector<std::string> initListNames(const InitListExpr& list, const Expr* element) {
    for (unsigned i = 0; i < list.getNumInits(); ++i) {
        if (list.getInit(i) != element) {
            continue;
        }
        const RecordDecl* record = list.getType()->getAsRecordDecl();
        const auto* cxxRecord = dyn_cast_or_null<CXXRecordDecl>(record);
        if (record && (!cxxRecord || cxxRecord->getNumBases() == 0)) {
            unsigned index = 0;
            for (const FieldDecl* field : record->fields()) {
                if (index++ == i) {
                    return {field->getNameAsString()};
                }
            }
        }
        return {i > 0 ? literalText(list.getInit(i - 1)) : std::string()};
    }
    return {};
}

// Clang keeps an initializer list as written beside the one it checked, so an element can have
// two parents: a list and the conversion the checked list applies. The conversion leads to the
// element's real position.
const DynTypedNode& semanticParent(const DynTypedNodeList& parents) {
    for (const DynTypedNode& parent : parents) {
        if (!parent.get<InitListExpr>() && !parent.get<DesignatedInitExpr>()) {
            return parent;
        }
    }
    return parents[0];
}

// Walks up from the literal to the declaration, assignment, argument, initializer pair or
// return it feeds and returns the names that give it meaning.
std::vector<std::string> bindingNames(ASTContext& context, const StringLiteral& literal) {
    DynTypedNode child = DynTypedNode::create(literal);
    for (int depth = 0; depth < 8; ++depth) {
        auto parents = context.getParents(child);
        if (parents.empty()) {
            return {};
        }
        const DynTypedNode& parent = semanticParent(parents);
        const Expr* childExpr = child.get<Expr>();
        if (const auto* var = parent.get<VarDecl>()) {
            return {var->getNameAsString()};
        }
        if (const auto* field = parent.get<FieldDecl>()) {
            return {field->getNameAsString()};
        }
        if (const auto* constructor = parent.get<CXXConstructorDecl>(); constructor && childExpr) {
            for (const CXXCtorInitializer* init : constructor->inits()) {
                if (init->getInit() == childExpr && init->getMember()) {
                    return {init->getMember()->getNameAsString()};
                }
            }
            return {};
        }
        if (const auto* assign = parent.get<BinaryOperator>()) {
            return {assign->isAssignmentOp() && assign->getRHS() == childExpr
                        ? nameOf(assign->getLHS())
                        : std::string()};
        }
        if (const auto* op = parent.get<CXXOperatorCallExpr>();
            op && op->getOperator() == OO_Equal) {
            return {op->getNumArgs() == 2 && op->getArg(1) == childExpr ? nameOf(op->getArg(0))
                                                                        : std::string()};
        }
        if (const auto* call = parent.get<CallExpr>(); call && childExpr) {
            return argumentNames(call->getArgs(), call->getNumArgs(), childExpr,
                                 call->getDirectCallee());
        }
        if (const auto* construct = parent.get<CXXConstructExpr>();
            construct && childExpr && !isConvertingConstruct(construct)) {
            return argumentNames(construct->getArgs(), construct->getNumArgs(), childExpr,
                                 construct->getConstructor());
        }
        if (const auto* list = parent.get<InitListExpr>(); list && childExpr) {
            return initListNames(*list, childExpr);
        }
        if (parent.get<ReturnStmt>()) {
            // std::string apiKey() { return "..."; }
            for (const auto& owner : context.getParents(parent)) {
                for (const auto& function : context.getParents(owner)) {
                    if (const auto* decl = function.get<FunctionDecl>()) {
                        return {decl->getNameAsString()};
                    }
                }
            }
            return {};
        }
        if (!isTransparent(parent)) {
            return {};
        }
        child = parent;
    }
    return {};
}

class HardcodedSecretCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/hardcoded-secret"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(stringLiteral(unless(isExpansionInSystemHeader())).bind("literal"), this);
        // const char* p = "..."; mysql_real_connect(db, host, user, p, ...): the literal reaches
        // a credential parameter through a variable whose own name says nothing.
        auto literalInitializer = ignoringImplicit(anyOf(
            stringLiteral().bind("passed"),
            cxxConstructExpr(hasArgument(0, ignoringImplicit(stringLiteral().bind("passed"))))));
        auto variable =
            declRefExpr(to(varDecl(hasInitializer(literalInitializer)).bind("variable")));
        auto argument = ignoringImplicit(
            anyOf(variable, cxxConstructExpr(hasArgument(0, ignoringImplicit(variable)))));
        finder.addMatcher(
            invocation(unless(isExpansionInSystemHeader()),
                       forEachArgumentWithParam(argument, parmVarDecl().bind("parameter"))),
            this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        if (const auto* literal = result.Nodes.getNodeAs<StringLiteral>("literal")) {
            checkLiteral(*literal, result);
        } else if (const auto* passed = result.Nodes.getNodeAs<StringLiteral>("passed")) {
            checkPassedThroughVariable(*passed, result);
        }
    }

private:
    void checkLiteral(const StringLiteral& literal, const MatchFinder::MatchResult& result) {
        if (literal.getCharByteWidth() != 1) {
            return;
        }
        std::string value = literal.getString().str();
        std::vector<std::string> names = bindingNames(*result.Context, literal);
        if (names.empty()) {
            names.emplace_back();
        }
        for (const std::string& name : names) {
            if (auto match = SecretClassifier::instance().classify(name, value)) {
                reportSecret(literal, *match, *result.SourceManager);
                return;
            }
        }
    }

    void checkPassedThroughVariable(const StringLiteral& literal,
                                    const MatchFinder::MatchResult& result) {
        const auto* variable = result.Nodes.getNodeAs<VarDecl>("variable");
        const auto* parameter = result.Nodes.getNodeAs<ParmVarDecl>("parameter");
        if (literal.getCharByteWidth() != 1 || !variable || !parameter) {
            return;
        }
        const SecretClassifier& classifier = SecretClassifier::instance();
        std::string value = literal.getString().str();
        if (classifier.classify(variable->getName(), value)) {
            return; // reported at the literal already, by the variable's own name
        }
        if (auto match = classifier.classify(parameter->getName(), value)) {
            const auto* callee = dyn_cast<FunctionDecl>(parameter->getDeclContext());
            match->reason = "passed through '" + variable->getNameAsString() + "' as '" +
                            parameter->getNameAsString() + "'" +
                            (callee ? " of '" + callee->getNameAsString() + "'" : "");
            reportSecret(literal, *match, *result.SourceManager);
        }
    }

    void reportSecret(const StringLiteral& literal, const SecretMatch& match,
                      const SourceManager& sources) {
        // A literal in a macro body is reported at the #define, where it is written.
        SourceRange written(sources.getSpellingLoc(literal.getBeginLoc()),
                            sources.getSpellingLoc(literal.getEndLoc()));
        report(sources, written,
               "Hard-coded " + match.kind + " (" + match.reason + ", value '" +
                   core::maskSecret(literal.getString()) +
                   "'); load it at run time from the environment or a secret store",
               {"credential"});
    }
};

core::CheckRegistration<cpp::CppCheck, HardcodedSecretCheck> registration;

} // namespace

} // namespace privaudit::checks
