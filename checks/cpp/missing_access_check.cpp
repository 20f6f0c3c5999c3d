// cpp/missing-access-check: a request handler reads customer records by a key the caller
// chose, and no authorization check comes first (IDOR). See docs/rules/cpp-missing-access-check.md.
#include "analyzers/cpp/cpp_check.h"
#include "analyzers/cpp/decl_classifier.h"
#include "analyzers/cpp/statement_order.h"
#include "checks/cpp/ast_queries.h"
#include "checks/cpp/handler_inputs.h"
#include "core/check_registry.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <regex>

namespace privaudit::checks {

namespace {

using namespace clang;
using namespace clang::ast_matchers;

bool hasWord(std::string_view identifier, const std::set<std::string>& words) {
    return std::ranges::any_of(core::identifierWords(identifier),
                               [&](const std::string& word) { return words.contains(word); });
}

bool startsWithWord(std::string_view identifier, const std::set<std::string>& words) {
    std::vector<std::string> split = core::identifierWords(identifier);
    return !split.empty() && words.contains(split.front());
}

// The record a value of `type` holds: Order for std::vector<Order>, std::optional<Customer>,
// std::shared_ptr<Ticket>.
const CXXRecordDecl* heldRecord(QualType type) {
    for (int depth = 0; depth < 3; ++depth) {
        type = type.getNonReferenceType().getCanonicalType();
        if (type->isPointerType()) {
            type = type->getPointeeType();
        }
        const auto* record = type->getAsCXXRecordDecl();
        const auto* specialization = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
        if (!specialization || !record->isInStdNamespace()) {
            return record;
        }
        const TemplateArgumentList& arguments = specialization->getTemplateArgs();
        // map<Key, Value>: the value; vector<T>, optional<T>, shared_ptr<T>: the element.
        const TemplateArgument& held =
            arguments[arguments.size() >= 2 && record->getName().contains("map") ? 1 : 0];
        if (held.getKind() != TemplateArgument::Type) {
            return nullptr;
        }
        type = held.getAsType();
    }
    return nullptr;
}

// The SQL text a handler or its statements use, to tell a SELECT from other statements.
bool functionSelects(const FunctionDecl& function) {
    static const std::regex select(R"(^\s*(SELECT|WITH)\b)", std::regex::icase);
    bool found = false;
    struct Visitor : RecursiveASTVisitor<Visitor> {
        bool* found;
        bool VisitStringLiteral(StringLiteral* literal) {
            if (literal->isOrdinary() && std::regex_search(literal->getString().str(), select)) {
                *found = true;
            }
            return true;
        }
    } visitor;
    visitor.found = &found;
    visitor.TraverseStmt(function.getBody());
    return found;
}

// `left == right` or `left != right`, as an operator or an overloaded operator call.
struct Comparison {
    const Expr* expression;
    const Expr* left;
    const Expr* right;
    bool equal; // == rather than !=
};

std::vector<Comparison> comparisonsIn(const FunctionDecl& function) {
    struct Visitor : RecursiveASTVisitor<Visitor> {
        std::vector<Comparison> found;
        bool TraverseLambdaExpr(LambdaExpr*) { return true; }
        bool VisitBinaryOperator(BinaryOperator* binary) {
            if (binary->getOpcode() == BO_EQ || binary->getOpcode() == BO_NE) {
                found.push_back(
                    {binary, binary->getLHS(), binary->getRHS(), binary->getOpcode() == BO_EQ});
            }
            return true;
        }
        bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr* op) {
            if ((op->getOperator() == OO_EqualEqual || op->getOperator() == OO_ExclaimEqual) &&
                op->getNumArgs() == 2) {
                found.push_back(
                    {op, op->getArg(0), op->getArg(1), op->getOperator() == OO_EqualEqual});
            }
            return true;
        }
    } visitor;
    visitor.TraverseStmt(function.getBody());
    return visitor.found;
}

// The variable a call's result initializes or is assigned to: `auto order = repo.find(id);`.
const VarDecl* loadedInto(const CallExpr& call, ASTContext& context) {
    DynTypedNode node = DynTypedNode::create(call);
    for (int depth = 0; depth < 6; ++depth) {
        auto parents = context.getParents(node);
        if (parents.empty()) {
            return nullptr;
        }
        node = parents[0];
        if (const auto* var = node.get<VarDecl>()) {
            return var;
        }
        if (const auto* binary = node.get<BinaryOperator>(); binary && binary->isAssignmentOp()) {
            const auto* ref = dyn_cast<DeclRefExpr>(binary->getLHS()->IgnoreParenImpCasts());
            return ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
        }
        if (!node.get<Expr>()) {
            return nullptr;
        }
    }
    return nullptr;
}

struct DataAccess {
    const CallExpr* call;
    std::string what; // "'OrderRepository::findByCustomer'"
    std::vector<const Expr*> keys;
    std::vector<std::string> categories;
};

class MissingAccessCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/missing-access-check"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(translationUnitDecl().bind("unit"), this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        ASTContext& context = *result.Context;
        cpp::DeclClassifier classifier(knowledge());
        for (const cpp::RequestHandler& handler :
             cpp::findRequestHandlers(context, knowledge().access)) {
            checkHandler(context, classifier, handler);
        }
    }

private:
    void checkHandler(ASTContext& context, cpp::DeclClassifier& classifier,
                      const cpp::RequestHandler& handler) {
        HandlerInputs inputs(context, handler, knowledge().access);
        std::vector<const CallExpr*> calls = callsIn(*handler.function);
        std::optional<cpp::StatementOrder> order;
        for (const CallExpr* call : calls) {
            auto access = dataAccess(*call, *handler.function, classifier);
            if (!access) {
                continue;
            }
            for (const Expr* key : access->keys) {
                core::CodeFlow flow = inputs.request().flowTo(*key);
                if (flow.empty() || inputs.session().derives(*key)) {
                    continue;
                }
                if (!order) {
                    order.emplace(context, *handler.function);
                }
                if (!isGuarded(*access, *handler.function, calls, inputs, *order, context)) {
                    reportAccess(context, handler, *access, *key, std::move(flow));
                }
                break;
            }
        }
    }

    std::optional<DataAccess> dataAccess(const CallExpr& call, const FunctionDecl& handler,
                                         cpp::DeclClassifier& classifier) const {
        const FunctionDecl* callee = call.getDirectCallee();
        if (!callee) {
            return std::nullopt;
        }
        std::string name = cpp::modelName(*callee);
        std::string className = calleeClassName(call);
        const CXXRecordDecl* returned = heldRecord(callee->getReturnType());
        for (const cpp::DataAccessModel& model : knowledge().access.dataAccess()) {
            DataAccess access{&call, "'" + name + "'", {}, {}};
            if (model.functions.contains(name)) {
                if (model.whenSqlSelects && !functionSelects(handler)) {
                    continue;
                }
            } else if (model.classWords.empty() || model.methodWords.empty() ||
                       !startsWithWord(callee->getName(), model.methodWords) ||
                       (!className.empty() && !hasWord(className, model.classWords)) || !returned ||
                       !(hasWord(returned->getName(), model.returnsWords) ||
                         classifier.isPersonRecord(*returned))) {
                continue;
            }
            if (returned && returned->hasDefinition() && classifier.isPersonRecord(*returned)) {
                access.categories = classifier.recordCategories(*returned);
            }
            std::vector<const Expr*> arguments(call.arg_begin(), call.arg_end());
            if (const auto* op = dyn_cast<CXXOperatorCallExpr>(&call); op && !arguments.empty()) {
                arguments.erase(arguments.begin());
            }
            for (int i = 0; i < int(arguments.size()); ++i) {
                if (model.keyArgument < 0 || model.keyArgument == i) {
                    access.keys.push_back(arguments[i]);
                }
            }
            return access;
        }
        return std::nullopt;
    }

    // An authorization call or an ownership comparison that comes before the access on every
    // path, or that checks the loaded record before it is used.
    bool isGuarded(const DataAccess& access, const FunctionDecl& handler,
                   const std::vector<const CallExpr*>& calls, const HandlerInputs& inputs,
                   const cpp::StatementOrder& order, ASTContext& context) const {
        const VarDecl* loaded = loadedInto(*access.call, context);
        auto checksLoaded = [&](const Stmt& stmt) {
            return loaded && refersTo(&stmt, loaded);
        };
        for (const CallExpr* call : calls) {
            const FunctionDecl* callee = call->getDirectCallee();
            if (call == access.call || !callee ||
                !knowledge().access.isAuthorization(cpp::modelName(*callee), callee->getName(),
                                                    calleeClassName(*call))) {
                continue;
            }
            bool involvesCaller = inputs.request().derives(*call) ||
                                  inputs.session().derives(*call) || checksLoaded(*call);
            if (involvesCaller && (order.dominates(*call, *access.call) || checksLoaded(*call))) {
                return true;
            }
        }
        for (const Comparison& comparison : comparisonsIn(handler)) {
            bool sessionSide = inputs.session().derives(*comparison.left) ||
                               inputs.session().derives(*comparison.right);
            bool loadedSide = checksLoaded(*comparison.left) || checksLoaded(*comparison.right);
            bool keySide = loadedSide || inputs.request().derives(*comparison.left) ||
                           inputs.request().derives(*comparison.right);
            if (sessionSide && keySide &&
                (loadedSide ||
                 order.guardedBy(*comparison.expression, comparison.equal, *access.call))) {
                return true;
            }
        }
        return false;
    }

    void reportAccess(ASTContext& context, const cpp::RequestHandler& handler,
                      const DataAccess& access, const Expr& key, core::CodeFlow flow) {
        const SourceManager& sources = context.getSourceManager();
        core::Finding* finding = report(
            sources, access.call->getSourceRange(),
            "The " + handler.description + " " + handler.name + " reads customer records with " +
                access.what +
                " by a key taken from the request, and no authorization check "
                "comes first: any caller can read another customer's data by changing the key; "
                "check that the authenticated customer owns the record before reading it",
            access.categories);
        if (!finding) {
            return;
        }
        finding->related.push_back({cpp::toSourceLocation(sources, handler.function->getLocation()),
                                    "the " + handler.description});
        finding->related.push_back({flow.front().location, "request input"});
        flow.push_back({cpp::toSourceLocation(sources, key.getSourceRange()),
                        "used as the key of " + access.what});
        finding->flows.push_back(std::move(flow));
    }
};

core::CheckRegistration<cpp::CppCheck, MissingAccessCheck> registration;

} // namespace

} // namespace privaudit::checks
