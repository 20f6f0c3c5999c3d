#include "checks/cpp/shared_state.h"

#include "analyzers/cpp/decl_classifier.h"

#include <algorithm>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/RecursiveASTVisitor.h>

namespace privaudit::checks {

using namespace clang;

namespace {

// Methods that read or write by key; their first argument is the key.
bool isKeyedMethod(llvm::StringRef name) {
    return name == "find" || name == "at" || name == "count" || name == "contains" ||
           name == "emplace" || name == "try_emplace" || name == "insert_or_assign" ||
           name == "erase" || name == "operator[]";
}

bool isClearingMethod(llvm::StringRef name) {
    return name == "clear" || name == "reset";
}

bool isLockType(const std::string& name) {
    return name == "std::lock_guard" || name == "std::unique_lock" || name == "std::scoped_lock" ||
           name == "std::shared_lock" || name == "boost::lock_guard" ||
           name == "boost::unique_lock";
}

// A container whose own operations are synchronized.
bool isConcurrentType(QualType type, const ASTContext& context) {
    return std::ranges::any_of(cpp::typeNames(type, context), [](const std::string& name) {
        std::string lower = name;
        std::ranges::transform(lower, lower.begin(), ::tolower);
        return lower.find("concurrent") != std::string::npos;
    });
}

class AccessCollector : public RecursiveASTVisitor<AccessCollector> {
public:
    AccessCollector(ASTContext& context, const cpp::RequestHandler& handler,
                    const cpp::FlowModels& models)
        : context_(context), handler_(handler), models_(models) {}

    bool TraverseLambdaExpr(LambdaExpr*) { return true; } // another function

    bool VisitDeclRefExpr(DeclRefExpr* ref) {
        const auto* var = dyn_cast<VarDecl>(ref->getDecl());
        if (var && (var->hasGlobalStorage() || var->getTLSKind() != VarDecl::TLS_None) &&
            !var->isConstexpr() && holdsData(var->getType())) {
            record(*var, *ref);
        }
        return true;
    }

    bool VisitMemberExpr(MemberExpr* member) {
        const auto* field = dyn_cast<FieldDecl>(member->getMemberDecl());
        if (!field || !holdsData(field->getType())) {
            return true;
        }
        const Expr* base = member->getBase()->IgnoreParenImpCasts();
        bool ownMember =
            isa<CXXThisExpr>(base) && handler_.sharedInstance &&
            field->getParent()->getCanonicalDecl() == handler_.sharedInstance->getCanonicalDecl();
        if (ownMember || isSingleton(*base)) {
            record(*field, *member);
        }
        return true;
    }

    std::vector<SharedAccess> accesses;

private:
    bool holdsData(QualType type) const {
        if (type.isConstQualified() || type->isReferenceType() || type->isPointerType()) {
            return false;
        }
        type = type.getCanonicalType();
        if (type->isBooleanType() || type->isEnumeralType()) {
            return false;
        }
        if (type->isArithmeticType()) {
            return true;
        }
        const auto* record = type->getAsCXXRecordDecl();
        if (!record) {
            return false;
        }
        std::string name = cpp::modelName(*record);
        if (models_.isContainer(name)) {
            return true;
        }
        // A record of plain data (a Customer, a cached reply), not a service object.
        return record->hasDefinition() && record->isAggregate() && !record->field_empty() &&
               !record->isInStdNamespace();
    }

    // `Cache::instance().last`: a member of the object a static accessor returns.
    static bool isSingleton(const Expr& base) {
        const auto* call = dyn_cast<CallExpr>(&base);
        const auto* method =
            call ? dyn_cast_or_null<CXXMethodDecl>(call->getDirectCallee()) : nullptr;
        return method && method->isStatic() && method->getReturnType()->isReferenceType() &&
               method->getReturnType()->getPointeeCXXRecordDecl() == method->getParent();
    }

    const Stmt* parentOf(const Stmt& stmt) const {
        auto parents = context_.getParents(stmt);
        return parents.empty() ? nullptr : parents[0].get<Stmt>();
    }

    // Up through parentheses, casts and temporaries.
    const Stmt* usingParent(const Expr& expr, const Expr*& child) const {
        child = &expr;
        const Stmt* parent = parentOf(expr);
        while (parent && isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                             CXXBindTemporaryExpr, ExprWithCleanups>(parent)) {
            child = cast<Expr>(parent);
            parent = parentOf(*parent);
        }
        return parent;
    }

    void record(const ValueDecl& state, const Expr& named) {
        SharedAccess access;
        access.state = &state;
        access.expression = &named;
        const Expr* child = nullptr;
        const Stmt* parent = usingParent(named, child);
        // state[key] as an operand: the element is what is written or read.
        if (const auto* op = dyn_cast_or_null<CXXOperatorCallExpr>(parent);
            op && op->getOperator() == OO_Subscript && op->getArg(0) == child) {
            access.key = op->getArg(1);
            parent = usingParent(*op, child);
        } else if (const auto* member = dyn_cast_or_null<MemberExpr>(parent);
                   member && member->getBase()->IgnoreParenImpCasts() == &named) {
            // state.method(...): the call on it decides.
            const auto* call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(*member));
            const CXXMethodDecl* method = call ? call->getMethodDecl() : nullptr;
            llvm::StringRef name = method ? method->getName() : "";
            if (isKeyedMethod(name) && call->getNumArgs() > 0) {
                access.key = call->getArg(0);
            }
            if (isClearingMethod(name)) {
                access.kind = SharedAccess::Kind::Write;
                access.clears = true;
            } else if (method && !method->isConst() && models_.isMutator(name.str())) {
                access.kind = SharedAccess::Kind::Write;
                for (unsigned i = access.key ? 1 : 0; i < call->getNumArgs(); ++i) {
                    access.values.push_back(call->getArg(i));
                }
            }
        }
        if (const auto* binary = dyn_cast_or_null<BinaryOperator>(parent);
            binary && binary->isAssignmentOp() &&
            binary->getLHS()->IgnoreParenImpCasts() == child) {
            access.kind = SharedAccess::Kind::Write;
            access.values.push_back(binary->getRHS());
        } else if (const auto* op = dyn_cast_or_null<CXXOperatorCallExpr>(parent);
                   op && op->getNumArgs() == 2 && op->getArg(0) == child &&
                   (op->getOperator() == OO_Equal || op->getOperator() == OO_PlusEqual ||
                    op->getOperator() == OO_LessLess)) {
            access.kind = SharedAccess::Kind::Write;
            access.values.push_back(op->getArg(1));
        }
        if (access.kind == SharedAccess::Kind::Write && !access.clears &&
            access.values.size() == 1) {
            const Expr* value = access.values.front()->IgnoreParenImpCasts();
            const auto* list = dyn_cast<InitListExpr>(value);
            const auto* construct = dyn_cast<CXXConstructExpr>(value);
            access.clears = (list && list->getNumInits() == 0) ||
                            (construct && construct->getNumArgs() == 0) ||
                            isa<StringLiteral, IntegerLiteral, CXXNullPtrLiteralExpr>(value);
        }
        access.locked = isConcurrentType(state.getType(), context_) || isLocked(named);
        accesses.push_back(access);
    }

    // Whether a lock object is declared before `expr` in one of the blocks around it, or
    // `expr` is inside a function-wide lock.
    bool isLocked(const Stmt& expr) const {
        const Stmt* child = &expr;
        for (const Stmt* parent = parentOf(expr); parent;
             child = parent, parent = parentOf(*parent)) {
            const auto* block = dyn_cast<CompoundStmt>(parent);
            if (!block) {
                continue;
            }
            for (const Stmt* statement : block->body()) {
                if (statement == child) {
                    break;
                }
                const auto* declaration = dyn_cast<DeclStmt>(statement);
                if (declaration && std::ranges::any_of(declaration->decls(), [&](const Decl* decl) {
                        const auto* var = dyn_cast<VarDecl>(decl);
                        return var && std::ranges::any_of(cpp::typeNames(var->getType(), context_),
                                                          isLockType);
                    })) {
                    return true;
                }
            }
        }
        return false;
    }

    ASTContext& context_;
    const cpp::RequestHandler& handler_;
    const cpp::FlowModels& models_;
};

} // namespace

bool isThreadLocal(const ValueDecl& state) {
    const auto* var = dyn_cast<VarDecl>(&state);
    return var && var->getTLSKind() != VarDecl::TLS_None;
}

std::vector<SharedAccess> sharedAccessesIn(ASTContext& context, const cpp::RequestHandler& handler,
                                           const cpp::FlowModels& models) {
    AccessCollector collector(context, handler, models);
    collector.TraverseStmt(handler.function->getBody());
    return collector.accesses;
}

} // namespace privaudit::checks
