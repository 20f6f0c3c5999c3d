// cpp/no-retention-limit: personal data written to a cache that supports expiry, without
// one. See docs/rules/cpp-no-retention-limit.md.
#include "analyzers/cpp/cpp_check.h"
#include "analyzers/cpp/decl_classifier.h"
#include "checks/common/taint_knowledge.h"
#include "checks/cpp/personal_expressions.h"
#include "core/check_registry.h"

#include <algorithm>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <sstream>

namespace privaudit::checks {

namespace {

using namespace clang;
using namespace clang::ast_matchers;

// The upper-case words of a command text: "SET customer:%s %s EX 3600" -> SET, CUSTOMER:%S ...
std::vector<std::string> commandWords(llvm::StringRef text) {
    std::vector<std::string> words;
    std::istringstream stream(text.upper());
    for (std::string word; stream >> word;) {
        words.push_back(word);
    }
    return words;
}

const StringLiteral* literalOf(const Expr* expr) {
    return dyn_cast<StringLiteral>(expr->IgnoreParenImpCasts());
}

class NoRetentionLimitCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/no-retention-limit"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(
            callExpr(callee(functionDecl()), forCallable(functionDecl().bind("function")))
                .bind("call"),
            this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        const auto* call = result.Nodes.getNodeAs<CallExpr>("call");
        const auto* function = result.Nodes.getNodeAs<FunctionDecl>("function");
        const cpp::StoreModels& stores = knowledge().stores;
        const cpp::ExpiringStoreModel* store =
            stores.store(cpp::modelName(*call->getDirectCallee()));
        if (!store) {
            return;
        }
        std::vector<const Expr*> arguments(call->arg_begin(), call->arg_end());
        std::string command = "write";
        size_t firstValue = 1; // the key comes first
        if (store->commandArgument >= 0) {
            if (int(arguments.size()) <= store->commandArgument) {
                return;
            }
            const StringLiteral* text = literalOf(arguments[store->commandArgument]);
            if (!text) {
                return;
            }
            std::vector<std::string> words = commandWords(text->getString());
            if (words.empty() || !stores.isWriteCommand(words.front()) ||
                std::ranges::any_of(
                    words, [&](const std::string& word) { return stores.isExpiryOption(word); })) {
                return;
            }
            command = words.front();
            firstValue = store->commandArgument + 1;
        } else if (store->ttlArgument >= 0 && int(arguments.size()) > store->ttlArgument &&
                   !isa<CXXDefaultArgExpr>(arguments[store->ttlArgument])) {
            return;
        }
        cpp::DeclClassifier classifier(knowledge());
        std::vector<std::string> categories;
        for (size_t i = firstValue; i < arguments.size(); ++i) {
            for (std::string& category : personalDataIn(*arguments[i], classifier)) {
                if (std::ranges::find(categories, category) == categories.end()) {
                    categories.push_back(std::move(category));
                }
            }
        }
        if (categories.empty() || setsExpiry(*function)) {
            return;
        }
        std::ranges::sort(categories);
        std::string data;
        for (const std::string& category : categories) {
            data += (data.empty() ? "" : ", ") + categoryDisplayName(category);
        }
        report(*result.SourceManager, call->getSourceRange(),
               "Personal data (" + data + ") is written to " + store->display + " with " +
                   (command == "write" ? "'" + call->getDirectCallee()->getNameAsString() + "'"
                                       : command) +
                   " and no expiry: it stays in the cache until someone deletes it; set a TTL "
                   "(EX/PX, EXPIRE, a ttl argument) that matches the retention policy",
               categories);
    }

private:
    // Whether the function also gives a key an expiry: Redis::expire, an EXPIRE command.
    bool setsExpiry(const FunctionDecl& function) const {
        const cpp::StoreModels& stores = knowledge().stores;
        auto matcher = callExpr(callee(functionDecl())).bind("call");
        for (const auto& match :
             ast_matchers::match(findAll(matcher), *function.getBody(), function.getASTContext())) {
            const auto* call = match.getNodeAs<CallExpr>("call");
            std::string name = cpp::modelName(*call->getDirectCallee());
            if (stores.isExpiryFunction(name)) {
                return true;
            }
            const cpp::ExpiringStoreModel* store = stores.store(name);
            if (store && store->commandArgument >= 0 &&
                int(call->getNumArgs()) > store->commandArgument) {
                const StringLiteral* text = literalOf(call->getArg(store->commandArgument));
                std::vector<std::string> words =
                    text ? commandWords(text->getString()) : std::vector<std::string>{};
                if (!words.empty() && stores.isExpiryCommand(words.front())) {
                    return true;
                }
            }
        }
        return false;
    }
};

core::CheckRegistration<cpp::CppCheck, NoRetentionLimitCheck> registration;

} // namespace

} // namespace privaudit::checks
