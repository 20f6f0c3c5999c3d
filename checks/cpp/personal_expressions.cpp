#include "checks/cpp/personal_expressions.h"

#include <algorithm>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <set>

namespace privaudit::checks {

using namespace clang;

namespace {

void collect(const Stmt& stmt, cpp::DeclClassifier& classifier, std::set<std::string>& found) {
    const NamedDecl* decl = nullptr;
    if (const auto* ref = dyn_cast<DeclRefExpr>(&stmt)) {
        decl = ref->getDecl();
    } else if (const auto* member = dyn_cast<MemberExpr>(&stmt)) {
        decl = member->getMemberDecl();
    }
    if (decl) {
        if (auto named = classifier.classify(*decl); named && !named->weak) {
            found.insert(named->categories.begin(), named->categories.end());
        }
    }
    if (const auto* expr = dyn_cast<Expr>(&stmt)) {
        const CXXRecordDecl* record = expr->getType().getNonReferenceType()->getAsCXXRecordDecl();
        if (record && record->hasDefinition() && classifier.isPersonRecord(*record)) {
            for (std::string& category : classifier.recordCategories(*record)) {
                found.insert(std::move(category));
            }
        }
    }
    // A field says what it holds; the record it is read from does not add to that.
    if (const auto* member = dyn_cast<MemberExpr>(&stmt); member && isa<FieldDecl>(decl)) {
        return;
    }
    for (const Stmt* child : stmt.children()) {
        if (child && !isa<LambdaExpr>(child)) {
            collect(*child, classifier, found);
        }
    }
}

} // namespace

std::vector<std::string> personalDataIn(const Stmt& expression, cpp::DeclClassifier& classifier) {
    std::set<std::string> found;
    collect(expression, classifier, found);
    return {found.begin(), found.end()};
}

} // namespace privaudit::checks
