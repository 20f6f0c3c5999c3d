// cpp/cross-session-data: state that outlives a request carries one customer's data into
// another customer's reply. See docs/rules/cpp-cross-session-data.md.
#include "analyzers/cpp/cpp_check.h"
#include "analyzers/cpp/decl_classifier.h"
#include "analyzers/cpp/statement_order.h"
#include "checks/cpp/handler_inputs.h"
#include "checks/cpp/personal_expressions.h"
#include "checks/cpp/shared_state.h"
#include "core/check_registry.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <map>
#include <memory>

namespace privaudit::checks {

namespace {

using namespace clang;
using namespace clang::ast_matchers;

// One handler with what it knows about its inputs and its shared accesses.
struct HandlerFacts {
    const cpp::RequestHandler* handler;
    std::unique_ptr<HandlerInputs> inputs;
    std::vector<SharedAccess> accesses;
};

struct Write {
    const SharedAccess* access;
    const HandlerFacts* facts;
};

class CrossSessionDataCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/cross-session-data"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(translationUnitDecl().bind("unit"), this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        ASTContext& context = *result.Context;
        cpp::DeclClassifier classifier(knowledge());
        std::vector<cpp::RequestHandler> handlers =
            cpp::findRequestHandlers(context, knowledge().access);
        std::vector<HandlerFacts> facts;
        for (const cpp::RequestHandler& handler : handlers) {
            facts.push_back({&handler,
                             std::make_unique<HandlerInputs>(context, handler, knowledge().access),
                             sharedAccessesIn(context, handler, knowledge().models)});
        }
        // What each state is written with, across all handlers of the translation unit.
        std::map<const ValueDecl*, std::vector<Write>> customerWrites;
        for (const HandlerFacts& handler : facts) {
            for (const SharedAccess& access : handler.accesses) {
                if (access.kind == SharedAccess::Kind::Write &&
                    carriesCustomerData(access, handler, classifier)) {
                    customerWrites[access.state].push_back({&access, &handler});
                }
            }
        }
        for (const HandlerFacts& handler : facts) {
            checkReads(context, handler, customerWrites);
        }
    }

private:
    bool carriesCustomerData(const SharedAccess& access, const HandlerFacts& handler,
                             cpp::DeclClassifier& classifier) const {
        return std::ranges::any_of(access.values, [&](const Expr* value) {
            return handler.inputs->request().derives(*value) ||
                   handler.inputs->session().derives(*value) ||
                   !personalDataIn(*value, classifier).empty();
        });
    }

    // A key that partitions state per conversation: from the session, or named like a
    // session or conversation id.
    bool isSessionKey(const Expr& key, const HandlerFacts& handler) const {
        if (handler.inputs->session().derives(key)) {
            return true;
        }
        const Expr* inner = key.IgnoreParenImpCasts();
        if (const auto* construct = dyn_cast<CXXConstructExpr>(inner);
            construct && construct->getNumArgs() == 1) {
            inner = construct->getArg(0)->IgnoreParenImpCasts();
        }
        const NamedDecl* named = nullptr;
        if (const auto* ref = dyn_cast<DeclRefExpr>(inner)) {
            named = ref->getDecl();
        } else if (const auto* member = dyn_cast<MemberExpr>(inner)) {
            named = member->getMemberDecl();
        } else if (const auto* call = dyn_cast<CallExpr>(inner); call && call->getDirectCallee()) {
            named = call->getDirectCallee();
        }
        return named && knowledge().access.isSessionKeyName(named->getName());
    }

    // Where a handler's value leaves towards the customer or a third party: the reply, a
    // modelled sink (an LLM API, a log), what the handler returns.
    std::optional<const Stmt*> exposure(const HandlerFacts& handler,
                                        const cpp::DerivedValues& read) const {
        const FunctionDecl& function = *handler.handler->function;
        for (const CallExpr* call : callsIn(function)) {
            if (!isExit(*call, *handler.handler)) {
                continue;
            }
            for (const Expr* argument : call->arguments()) {
                if (read.derives(*argument)) {
                    return call;
                }
            }
        }
        struct Returns : RecursiveASTVisitor<Returns> {
            std::vector<const ReturnStmt*> found;
            bool TraverseLambdaExpr(LambdaExpr*) { return true; }
            bool VisitReturnStmt(ReturnStmt* statement) {
                found.push_back(statement);
                return true;
            }
        } returns;
        returns.TraverseStmt(function.getBody());
        for (const ReturnStmt* statement : returns.found) {
            if (statement->getRetValue() && read.derives(*statement->getRetValue())) {
                return statement;
            }
        }
        return std::nullopt;
    }

    bool isExit(const CallExpr& call, const cpp::RequestHandler& handler) const {
        if (const FunctionDecl* callee = call.getDirectCallee()) {
            std::string name = cpp::modelName(*callee);
            if (knowledge().access.isResponseFunction(name) || knowledge().models.sinks(name)) {
                return true;
            }
        }
        // callback(response), res.set_content(...): a call on a response parameter.
        const Expr* callee = call.getCallee()->IgnoreParenImpCasts();
        if (const auto* member = dyn_cast<MemberExpr>(callee)) {
            callee = member->getBase()->IgnoreParenImpCasts();
        }
        if (const auto* op = dyn_cast<CXXOperatorCallExpr>(&call); op && op->getNumArgs() > 0) {
            callee = op->getArg(0)->IgnoreParenImpCasts();
        }
        const auto* ref = dyn_cast<DeclRefExpr>(callee);
        return ref &&
               std::ranges::find(handler.responses, ref->getDecl()) != handler.responses.end();
    }

    void checkReads(ASTContext& context, const HandlerFacts& handler,
                    const std::map<const ValueDecl*, std::vector<Write>>& customerWrites) {
        std::optional<cpp::StatementOrder> order;
        for (const SharedAccess& access : handler.accesses) {
            auto writes = customerWrites.find(access.state);
            if (access.kind != SharedAccess::Kind::Read || writes == customerWrites.end()) {
                continue;
            }
            cpp::DerivedValues read(context, *handler.handler->function,
                                    [&](const Expr& expr) -> std::optional<core::FlowStep> {
                                        if (&expr != access.expression) {
                                            return std::nullopt;
                                        }
                                        return core::FlowStep{location(context, expr),
                                                              "read from shared '" +
                                                                  access.state->getNameAsString() +
                                                                  "'"};
                                    });
            auto exposed = exposure(handler, read);
            if (!exposed) {
                continue;
            }
            if (!order) {
                order.emplace(context, *handler.handler->function);
            }
            if (std::string problem = problemWith(access, handler, writes->second, *order);
                !problem.empty()) {
                reportRead(context, handler, access, writes->second, problem,
                           read.flowTo(**exposed), **exposed);
            }
        }
    }

    // Why a read of shared state can show another customer's data; empty when it cannot.
    std::string problemWith(const SharedAccess& read, const HandlerFacts& handler,
                            const std::vector<Write>& writes,
                            const cpp::StatementOrder& order) const {
        std::string name = "'" + read.state->getNameAsString() + "'";
        if (isThreadLocal(*read.state)) {
            bool reset = std::ranges::any_of(handler.accesses, [&](const SharedAccess& other) {
                return other.state == read.state && other.clears &&
                       order.dominates(*other.expression, *read.expression);
            });
            return reset ? ""
                         : "the thread_local " + name +
                               " still holds the data of an earlier request served by the "
                               "same worker thread: it is not reset at the start of each "
                               "request";
        }
        bool keyedBySession =
            read.key && isSessionKey(*read.key, handler) &&
            std::ranges::all_of(writes, [&](const Write& write) {
                return write.access->key && isSessionKey(*write.access->key, *write.facts);
            });
        if (!keyedBySession) {
            return name + (read.key ? " is keyed by something two customers can share, not by "
                                      "their session"
                                    : " is one value shared by every session");
        }
        bool synchronized = read.locked && std::ranges::all_of(writes, [](const Write& write) {
                                return write.access->locked;
                            });
        return synchronized ? ""
                            : name + " is keyed by session but read and written without a lock "
                                     "while requests run concurrently (a data race)";
    }

    static core::SourceLocation location(ASTContext& context, const Stmt& stmt) {
        return cpp::toSourceLocation(context.getSourceManager(), stmt.getSourceRange());
    }

    void reportRead(ASTContext& context, const HandlerFacts& handler, const SharedAccess& read,
                    const std::vector<Write>& writes, const std::string& problem,
                    core::CodeFlow flow, const Stmt& exposed) {
        core::Finding* finding = report(
            context.getSourceManager(), read.expression->getSourceRange(),
            "The " + handler.handler->description + " " + handler.handler->name +
                " sends what it reads from shared state to the customer, but " + problem +
                "; one customer's data can reach another customer's session. Keep per-customer "
                "data in the request or in a store keyed by the authenticated session, guarded "
                "by a lock",
            {});
        if (!finding) {
            return;
        }
        for (const Write& write : writes) {
            finding->related.push_back({location(context, *write.access->expression),
                                        "written with customer data in the " +
                                            write.facts->handler->description + " " +
                                            write.facts->handler->name});
        }
        if (!flow.empty()) {
            flow.push_back({location(context, exposed), "sent on"});
            finding->flows.push_back(std::move(flow));
        }
    }
};

core::CheckRegistration<cpp::CppCheck, CrossSessionDataCheck> registration;

} // namespace

} // namespace privaudit::checks
