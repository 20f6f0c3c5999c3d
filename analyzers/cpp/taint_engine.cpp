#include "analyzers/cpp/taint_engine.h"

#include "analyzers/cpp/cpp_check.h"
#include "analyzers/cpp/decl_classifier.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Analysis/Analyses/PostOrderCFGView.h>
#include <clang/Analysis/AnalysisDeclContext.h>
#include <clang/Analysis/CFG.h>
#include <clang/Index/USRGeneration.h>
#include <llvm/ADT/SmallString.h>
#include <map>
#include <set>

namespace privaudit::cpp {

using namespace clang;

namespace {

std::string usrOf(const Decl& decl) {
    llvm::SmallString<128> usr;
    if (index::generateUSRForDecl(&decl, usr)) {
        return modelName(cast<NamedDecl>(decl));
    }
    return usr.str().str();
}

// A variable, optionally followed by up to two fields: "customer.address.street".
using AccessPath = std::vector<const ValueDecl*>;
constexpr size_t maxPathLength = 3;
using State = std::map<AccessPath, TaintValue>;

const Expr* skipTransparent(const Expr* expr) {
    while (expr) {
        const Expr* inner = expr->IgnoreParenImpCasts();
        if (const auto* temporary = dyn_cast<MaterializeTemporaryExpr>(inner)) {
            inner = temporary->getSubExpr();
        } else if (const auto* bind = dyn_cast<CXXBindTemporaryExpr>(inner)) {
            inner = bind->getSubExpr();
        } else if (const auto* cleanups = dyn_cast<ExprWithCleanups>(inner)) {
            inner = cleanups->getSubExpr();
        } else if (const auto* cast = dyn_cast<CXXFunctionalCastExpr>(inner)) {
            inner = cast->getSubExpr();
        } else if (const auto* cast = dyn_cast<CStyleCastExpr>(inner)) {
            inner = cast->getSubExpr();
        } else if (const auto* cast = dyn_cast<CXXNamedCastExpr>(inner)) {
            inner = cast->getSubExpr();
        } else if (const auto* construct = dyn_cast<CXXConstructExpr>(inner);
                   construct && construct->getNumArgs() >= 1 &&
                   std::all_of(construct->arg_begin() + 1, construct->arg_end(),
                               [](const Expr* arg) { return isa<CXXDefaultArgExpr>(arg); })) {
            inner = construct->getArg(0); // std::string from a literal, a copy
        }
        if (inner == expr) {
            return expr;
        }
        expr = inner;
    }
    return expr;
}

bool carriesNoData(QualType type) {
    type = type.getNonReferenceType().getCanonicalType();
    return type->isVoidType() || type->isBooleanType() || type->isEnumeralType() ||
           (type->isIntegerType() && !type->isAnyCharacterType());
}

class FunctionAnalyzer {
public:
    FunctionAnalyzer(ASTContext& context, const TaintKnowledge& knowledge,
                     DeclClassifier& classifier, const FunctionDecl& function)
        : context_(context), knowledge_(knowledge), classifier_(classifier), function_(function) {}

    std::optional<FunctionSummary> run() {
        Stmt* body = function_.getBody();
        CFG::BuildOptions options;
        options.AddInitializers = true;
        std::unique_ptr<CFG> cfg = CFG::buildCFG(&function_, body, &context_, options);
        if (!cfg) {
            return std::nullopt;
        }
        summary_.usr = usrOf(function_);
        summary_.name = function_.getNameAsString();
        if (const auto* method = dyn_cast<CXXMethodDecl>(&function_);
            method && method->getParent()->isLambda()) {
            summary_.name = "lambda";
        }
        for (const ParmVarDecl* parameter : function_.parameters()) {
            summary_.parameterNames.push_back(parameter->getNameAsString());
        }
        if (const auto* method = dyn_cast<CXXMethodDecl>(&function_)) {
            for (const CXXMethodDecl* overridden : method->overridden_methods()) {
                summary_.overrides.push_back(usrOf(*overridden));
            }
        }
        PostOrderCFGView order(cfg.get());
        std::map<unsigned, State> entry;
        entry[cfg->getEntry().getBlockID()] = parameterState();
        // Taint only grows but for strong updates; a few passes reach the fixpoint on real code.
        for (int pass = 0; pass < 4; ++pass) {
            bool changed = false;
            recording_ = false;
            for (const CFGBlock* block : order) {
                State state = entry[block->getBlockID()];
                transferBlock(*block, state);
                for (const CFGBlock* successor : block->succs()) {
                    if (successor && join(entry[successor->getBlockID()], state)) {
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        recording_ = true;
        for (const CFGBlock* block : order) {
            State state = entry[block->getBlockID()];
            transferBlock(*block, state);
        }
        recordOutputs(entry[cfg->getExit().getBlockID()]);
        return std::move(summary_);
    }

private:
    // What each output parameter holds when the function returns, but its own argument.
    void recordOutputs(const State& atExit) {
        summary_.outputs.resize(function_.getNumParams());
        for (unsigned i = 0; i < function_.getNumParams(); ++i) {
            const ParmVarDecl* parameter = function_.getParamDecl(i);
            if (!isOutputParameter(*parameter)) {
                continue;
            }
            for (const auto& [path, value] : atExit) {
                if (path.front() != parameter) {
                    continue;
                }
                for (const Origin& origin : value) {
                    if (!(origin.kind == Origin::Kind::Parameter && origin.index == int(i))) {
                        addOrigin(summary_.outputs[i], origin);
                    }
                }
            }
        }
    }

    static bool join(State& into, const State& from) {
        bool changed = false;
        for (const auto& [path, value] : from) {
            TaintValue& target = into[path];
            size_t before = target.size();
            addOrigins(target, value);
            changed = changed || target.size() != before;
        }
        return changed;
    }

    State parameterState() {
        State state;
        for (unsigned i = 0; i < function_.getNumParams(); ++i) {
            const ParmVarDecl* parameter = function_.getParamDecl(i);
            Origin origin;
            origin.kind = Origin::Kind::Parameter;
            origin.index = int(i);
            if (auto named = classify(*parameter)) {
                origin.categories = named->categories;
            }
            origin.steps = {
                {location(parameter->getSourceRange()),
                 "parameter '" + parameter->getNameAsString() + "' of '" + summary_.name + "'"}};
            state[{parameter}].push_back(std::move(origin));
        }
        return state;
    }

    core::SourceLocation location(SourceRange range) const {
        return toSourceLocation(context_.getSourceManager(), range);
    }

    std::optional<NameClassification> classify(const NamedDecl& decl) const {
        return classifier_.classify(decl);
    }

    // Personal data named by a declaration read at `at`, as a fresh source.
    TaintValue nameSource(const NamedDecl& decl, const Expr& at, std::string_view how) const {
        auto named = classify(decl);
        if (!named) {
            return {};
        }
        Origin origin;
        origin.categories = named->categories;
        origin.steps = {{location(at.getSourceRange()),
                         std::string(how) + " '" + decl.getNameAsString() + "'"}};
        return {std::move(origin)};
    }

    // A whole object of a record that holds personal data (a Customer passed to a log).
    TaintValue recordSource(const Expr& expr) const {
        const CXXRecordDecl* record = expr.getType().getNonReferenceType()->getAsCXXRecordDecl();
        if (!record || !record->hasDefinition() || !classifier_.isPersonRecord(*record)) {
            return {};
        }
        Origin origin;
        origin.categories = classifier_.recordCategories(*record);
        origin.steps = {{location(expr.getSourceRange()),
                         "'" + record->getNameAsString() + "' object with personal data"}};
        return {std::move(origin)};
    }

    static TaintValue withStep(TaintValue value, const core::FlowStep& step) {
        for (Origin& origin : value) {
            if (origin.steps.size() < 24 && !(origin.steps.back().location == step.location)) {
                origin.steps.push_back(step);
            }
        }
        return value;
    }

    std::optional<AccessPath> pathOf(const Expr* expr) const {
        expr = skipTransparent(expr);
        if (const auto* ref = dyn_cast<DeclRefExpr>(expr)) {
            if (isa<VarDecl>(ref->getDecl())) {
                return AccessPath{ref->getDecl()};
            }
            return std::nullopt;
        }
        if (const auto* member = dyn_cast<MemberExpr>(expr)) {
            if (!isa<FieldDecl>(member->getMemberDecl())) {
                return std::nullopt;
            }
            auto base = pathOf(member->getBase());
            if (!base) {
                if (isa<CXXThisExpr>(skipTransparent(member->getBase()))) {
                    return AccessPath{member->getMemberDecl()};
                }
                return std::nullopt;
            }
            if (base->size() >= maxPathLength) {
                return base;
            }
            base->push_back(member->getMemberDecl());
            return base;
        }
        if (const auto* unary = dyn_cast<UnaryOperator>(expr);
            unary && unary->getOpcode() == UO_Deref) {
            return pathOf(unary->getSubExpr());
        }
        // The root of a chain of stream insertions: `out << a << b` writes into `out`.
        if (const auto* op = dyn_cast<CXXOperatorCallExpr>(expr);
            op && op->getOperator() == OO_LessLess && op->getNumArgs() == 2) {
            return pathOf(op->getArg(0));
        }
        return std::nullopt;
    }

    TaintValue read(const AccessPath& path, const Expr& at, const State& state) const {
        if (auto found = state.find(path); found != state.end()) {
            return found->second;
        }
        // An element of a container (a JSON object, a map) carries what was put into the
        // container; a field of a record is judged by its own name.
        for (size_t length = path.size() - 1; length > 0; --length) {
            AccessPath prefix(path.begin(), path.begin() + long(length));
            if (auto found = state.find(prefix); found != state.end() && !found->second.empty() &&
                                                 isContainer(prefix.back()->getType())) {
                TaintValue inherited = nameSource(*path.back(), at, "read from");
                addOrigins(inherited, found->second);
                return inherited;
            }
        }
        TaintValue value = nameSource(*path.back(), at, "read from");
        // this->note_: whatever the class's methods store there.
        if (path.size() == 1 && isa<FieldDecl>(path.front())) {
            Origin origin;
            origin.kind = Origin::Kind::FieldRead;
            origin.field = usrOf(*path.front());
            origin.steps = {{location(at.getSourceRange()),
                             "read from field '" + path.front()->getNameAsString() + "'"}};
            addOrigin(value, std::move(origin));
        }
        return value;
    }

    // Records what a method stores into a field of its own object.
    void recordFieldWrite(const AccessPath& path, const TaintValue& value) {
        if (recording_ && path.size() == 1 && isa<FieldDecl>(path.front()) && !value.empty()) {
            summary_.fieldWrites.push_back({usrOf(*path.front()), value});
        }
    }

    // Parameters a caller's data can come back through: non-const references and pointers.
    static bool isOutputParameter(const ParmVarDecl& parameter) {
        QualType type = parameter.getType();
        QualType pointee =
            type->isReferenceType() || type->isPointerType() ? type->getPointeeType() : QualType();
        return !pointee.isNull() && !pointee.isConstQualified() && !carriesNoData(pointee);
    }

    TaintValue eval(const Expr* expr, const State& state) {
        expr = skipTransparent(expr);
        if (!expr || carriesNoData(expr->getType())) {
            return {};
        }
        if (auto path = pathOf(expr); path && !isa<CXXOperatorCallExpr>(expr)) {
            return read(*path, *expr, state);
        }
        if (const auto* ref = dyn_cast<DeclRefExpr>(expr)) {
            // auto& [key, value] = ...: a structured binding is a part of a hidden variable.
            if (const auto* binding = dyn_cast<BindingDecl>(ref->getDecl());
                binding && binding->getBinding()) {
                TaintValue value = eval(binding->getBinding(), state);
                return value.empty() ? nameSource(*binding, *expr, "read from") : value;
            }
            return nameSource(*ref->getDecl(), *expr, "read from");
        }
        if (const auto* member = dyn_cast<MemberExpr>(expr)) {
            TaintValue value = nameSource(*member->getMemberDecl(), *expr, "read from");
            addOrigins(value, eval(member->getBase(), state));
            return value;
        }
        if (const auto* call = dyn_cast<CallExpr>(expr)) {
            return evalCall(*call, state);
        }
        if (const auto* construct = dyn_cast<CXXConstructExpr>(expr)) {
            TaintValue value;
            for (const Expr* argument : construct->arguments()) {
                addOrigins(value, eval(argument, state));
            }
            return value;
        }
        if (const auto* list = dyn_cast<InitListExpr>(expr)) {
            TaintValue value;
            for (const Expr* init : list->inits()) {
                addOrigins(value, eval(init, state));
            }
            return value;
        }
        if (const auto* conditional = dyn_cast<AbstractConditionalOperator>(expr)) {
            TaintValue value = eval(conditional->getTrueExpr(), state);
            addOrigins(value, eval(conditional->getFalseExpr(), state));
            return value;
        }
        if (const auto* binary = dyn_cast<BinaryOperator>(expr)) {
            if (binary->isAssignmentOp() || binary->isCommaOp()) {
                return eval(binary->getRHS(), state);
            }
            TaintValue value = eval(binary->getLHS(), state);
            addOrigins(value, eval(binary->getRHS(), state));
            return value;
        }
        if (const auto* unary = dyn_cast<UnaryOperator>(expr)) {
            return eval(unary->getSubExpr(), state);
        }
        if (const auto* subscript = dyn_cast<ArraySubscriptExpr>(expr)) {
            return eval(subscript->getBase(), state);
        }
        return {};
    }

    // A lookup by key: a literal key says what the value is ("email"), a computed one does not.
    TaintValue keyedSource(const CallExpr& call, const SourceModel& source) {
        auto arguments = argumentsOf(call);
        if (source.keyArgument >= int(arguments.size())) {
            return {};
        }
        Origin origin;
        const auto* key = dyn_cast<StringLiteral>(skipTransparent(arguments[source.keyArgument]));
        if (!key) {
            origin.categories = source.categories;
        } else if (auto named = knowledge_.classifyName(key->getString()); named && !named->weak) {
            origin.categories = named->categories;
        } else {
            return {};
        }
        origin.steps = {{location(call.getSourceRange()), "read from the request"}};
        return {std::move(origin)};
    }

    // The object a member call or member operator is called on.
    static const Expr* receiverOf(const CallExpr& call) {
        if (const auto* member = dyn_cast<CXXMemberCallExpr>(&call)) {
            return member->getImplicitObjectArgument();
        }
        if (const auto* op = dyn_cast<CXXOperatorCallExpr>(&call);
            op && isa_and_nonnull<CXXMethodDecl>(op->getDirectCallee()) && op->getNumArgs() > 0) {
            return op->getArg(0);
        }
        return nullptr;
    }

    // The call's arguments without the receiver of a member operator.
    static std::vector<const Expr*> argumentsOf(const CallExpr& call) {
        std::vector<const Expr*> arguments(call.arg_begin(), call.arg_end());
        if (isa<CXXOperatorCallExpr>(call) && receiverOf(call) && !arguments.empty()) {
            arguments.erase(arguments.begin());
        }
        return arguments;
    }

    TaintValue selected(const CallExpr& call, const ArgumentSelection& selection,
                        const State& state) {
        TaintValue value;
        if (selection.receiver) {
            if (const Expr* receiver = receiverOf(call)) {
                addOrigins(value, eval(receiver, state));
            }
        }
        auto arguments = argumentsOf(call);
        for (int i = 0; i < int(arguments.size()); ++i) {
            if (selection.selects(i)) {
                addOrigins(value, eval(arguments[i], state));
            }
        }
        return value;
    }

    bool isContainer(QualType type) const {
        const auto* record = type.getNonReferenceType()->getAsCXXRecordDecl();
        return record && knowledge_.models.isContainer(modelName(*record));
    }

    TaintValue evalCall(const CallExpr& call, const State& state) {
        const FunctionDecl* callee = call.getDirectCallee();
        if (!callee) {
            return {};
        }
        std::string name = modelName(*callee);
        const auto& models = knowledge_.models;
        ArgumentSelection everything{.receiver = true, .all = true};
        if (auto sanitizer = models.sanitizer(name); sanitizer && sanitizer->output < 0) {
            TaintValue value = selected(call, everything, state);
            for (Origin& origin : value) {
                origin.sanitizedFor |= sanitizer->protects;
            }
            return withStep(std::move(value), {location(call.getSourceRange()),
                                               "protected by '" + callee->getNameAsString() + "'"});
        }
        if (const PropagatorModel* propagator = models.propagator(name);
            propagator && propagator->to < 0) {
            return selected(call, propagator->from, state);
        }
        if (const SourceModel* source = models.source(name); source && source->keyArgument >= 0) {
            return keyedSource(call, *source);
        }
        if (TaintValue named = nameSource(*callee, call, "returned by"); !named.empty()) {
            return named;
        }
        const Expr* receiver = receiverOf(call);
        if (receiver && isContainer(receiver->getType())) {
            return selected(call, everything, state);
        }
        // Iterators and smart pointers: `*it`, `it->`, `ptr[i]` give what they point into.
        if (const auto* op = dyn_cast<CXXOperatorCallExpr>(&call);
            receiver && op &&
            (op->getOperator() == OO_Star || op->getOperator() == OO_Arrow ||
             op->getOperator() == OO_Subscript)) {
            return eval(receiver, state);
        }
        const auto* ns =
            dyn_cast<NamespaceDecl>(callee->getDeclContext()->getEnclosingNamespaceContext());
        while (ns && ns->isInline()) {
            ns = dyn_cast<NamespaceDecl>(ns->getParent());
        }
        if (!receiver && ns && models.isPropagatingNamespace(modelName(*ns)) &&
            (isContainer(call.getType()) || call.getType()->isPointerType())) {
            return selected(call, everything, state);
        }
        if (isUserFunction(*callee)) {
            Origin origin;
            origin.kind = Origin::Kind::CallResult;
            origin.index = callSiteIndex(call, *callee);
            origin.steps = {{location(call.getSourceRange()),
                             "returned by '" + callee->getNameAsString() + "'"}};
            return {std::move(origin)};
        }
        return {};
    }

    bool isUserFunction(const FunctionDecl& callee) const {
        return !context_.getSourceManager().isInSystemHeader(callee.getLocation());
    }

    int callSiteIndex(const Expr& call, const FunctionDecl& callee) {
        auto [found, inserted] = callSites_.try_emplace(&call, int(summary_.calls.size()));
        if (inserted) {
            summary_.calls.push_back({usrOf(*callee.getFirstDecl()),
                                      callee.getNameAsString(),
                                      location(call.getSourceRange()),
                                      {}});
        }
        return found->second;
    }

    void assign(const Expr* target, TaintValue value, State& state, std::string_view verb) {
        // profile["email"] = ...: the container holds it beside what it held before.
        if (const auto* element = dyn_cast<CXXOperatorCallExpr>(skipTransparent(target));
            element && element->getOperator() == OO_Subscript && element->getNumArgs() == 2 &&
            isContainer(element->getArg(0)->getType())) {
            addTo(element->getArg(0), value, state, "put into");
            return;
        }
        auto path = pathOf(target);
        if (!path) {
            return;
        }
        recordFieldWrite(*path, value);
        const ValueDecl* named = path->back();
        value =
            withStep(std::move(value), {location(target->getSourceRange()),
                                        std::string(verb) + " '" + named->getNameAsString() + "'"});
        state[*path] = std::move(value);
    }

    void addTo(const Expr* target, const TaintValue& value, State& state, std::string_view verb) {
        auto path = pathOf(target);
        if (!path || value.empty()) {
            return;
        }
        recordFieldWrite(*path, value);
        TaintValue merged = read(*path, *target, state);
        addOrigins(merged, withStep(value, {location(target->getSourceRange()),
                                            std::string(verb) + " '" +
                                                path->front()->getNameAsString() + "'"}));
        state[*path] = std::move(merged);
    }

    void transferBlock(const CFGBlock& block, State& state) {
        for (const CFGElement& element : block) {
            if (auto statement = element.getAs<CFGStmt>()) {
                transfer(statement->getStmt(), state);
            } else if (auto initializer = element.getAs<CFGInitializer>()) {
                const CXXCtorInitializer* init = initializer->getInitializer();
                if (init->getMember() && init->getInit()) {
                    TaintValue value = eval(init->getInit(), state);
                    recordFieldWrite({init->getMember()}, value);
                    state[{init->getMember()}] = std::move(value);
                }
            }
        }
    }

    void transfer(const Stmt* statement, State& state) {
        if (const auto* declaration = dyn_cast<DeclStmt>(statement)) {
            for (const Decl* decl : declaration->decls()) {
                const auto* var = dyn_cast<VarDecl>(decl);
                if (var && var->getInit()) {
                    TaintValue value = eval(var->getInit(), state);
                    if (value.empty()) {
                        value = nameSource(*var, *var->getInit(), "assigned to");
                    }
                    // Compiler-made variables (a range-for's __begin1) are no step to show.
                    state[{var}] = var->isImplicit()
                                       ? std::move(value)
                                       : withStep(std::move(value),
                                                  {location(var->getLocation()),
                                                   "assigned to '" + var->getNameAsString() + "'"});
                }
            }
        } else if (const auto* binary = dyn_cast<BinaryOperator>(statement)) {
            if (binary->getOpcode() == BO_Assign) {
                assign(binary->getLHS(), eval(binary->getRHS(), state), state, "assigned to");
            } else if (binary->isCompoundAssignmentOp()) {
                addTo(binary->getLHS(), eval(binary->getRHS(), state), state, "appended to");
            }
        } else if (const auto* call = dyn_cast<CallExpr>(statement)) {
            transferCall(*call, state);
        } else if (const auto* construct = dyn_cast<CXXConstructExpr>(statement);
                   construct && isUserFunction(*construct->getConstructor())) {
            std::vector<const Expr*> arguments(construct->arg_begin(), construct->arg_end());
            recordUserCall(*construct, *construct->getConstructor(), arguments, state);
        } else if (const auto* ret = dyn_cast<ReturnStmt>(statement); ret && recording_) {
            if (ret->getRetValue()) {
                addOrigins(summary_.returned,
                           withStep(eval(ret->getRetValue(), state),
                                    {location(ret->getSourceRange()), "returned"}));
            }
        }
    }

    void transferCall(const CallExpr& call, State& state) {
        const FunctionDecl* callee = call.getDirectCallee();
        if (!callee) {
            return;
        }
        std::string name = modelName(*callee);
        const auto* op = dyn_cast<CXXOperatorCallExpr>(&call);
        if (op && op->getOperator() == OO_Equal && op->getNumArgs() == 2) {
            assign(op->getArg(0), eval(op->getArg(1), state), state, "assigned to");
            return;
        }
        recordSinks(call, name, state);
        // `out << text` and `line += text` with the free operators of the standard library.
        if (op && (op->getOperator() == OO_LessLess || op->getOperator() == OO_PlusEqual) &&
            op->getNumArgs() == 2 && isContainer(op->getArg(0)->getType())) {
            addTo(op->getArg(0), eval(op->getArg(1), state), state, "added to");
            return;
        }
        const Expr* receiver = receiverOf(call);
        auto arguments = argumentsOf(call);
        if (receiver && isContainer(receiver->getType()) &&
            knowledge_.models.isMutator(callee->getNameAsString())) {
            TaintValue added;
            for (const Expr* argument : arguments) {
                addOrigins(added, eval(argument, state));
            }
            addTo(receiver, added, state, "added to");
            return;
        }
        if (const PropagatorModel* propagator = knowledge_.models.propagator(name);
            propagator && propagator->to >= 0 && propagator->to < int(arguments.size())) {
            addTo(arguments[propagator->to], selected(call, propagator->from, state), state,
                  "written to");
            return;
        }
        if (auto sanitizer = knowledge_.models.sanitizer(name);
            sanitizer && sanitizer->output >= 0 && sanitizer->output < int(arguments.size())) {
            TaintValue value = selected(call, {.all = true}, state);
            for (Origin& origin : value) {
                origin.sanitizedFor |= sanitizer->protects;
            }
            assign(arguments[sanitizer->output], std::move(value), state, "protected into");
            return;
        }
        if (const SourceModel* source = knowledge_.models.source(name);
            source && source->output >= 0 && source->output < int(arguments.size())) {
            Origin origin;
            origin.categories = source->categories;
            origin.steps = {{location(call.getSourceRange()),
                             "received by '" + callee->getNameAsString() + "'"}};
            assign(arguments[source->output], {std::move(origin)}, state, "into");
            return;
        }
        if (isUserFunction(*callee) && !knowledge_.models.sinks(name)) {
            recordUserCall(call, *callee, arguments, state);
        }
    }

    // A call to a function of the scanned code: its arguments for the callee's parameters,
    // and what it writes back through its output parameters.
    void recordUserCall(const Expr& call, const FunctionDecl& callee,
                        const std::vector<const Expr*>& arguments, State& state) {
        int index = callSiteIndex(call, callee);
        if (recording_) {
            std::vector<TaintValue> values;
            for (const Expr* argument : arguments) {
                values.push_back(eval(argument, state));
            }
            summary_.calls[index].arguments = std::move(values);
        }
        // format(line, email): what the callee writes into `line` comes back here.
        for (unsigned i = 0; i < arguments.size() && i < callee.getNumParams(); ++i) {
            if (isOutputParameter(*callee.getParamDecl(i))) {
                Origin origin;
                origin.kind = Origin::Kind::CallOutput;
                origin.index = index;
                origin.argument = int(i);
                origin.steps = {{location(call.getSourceRange()),
                                 "written by '" + callee.getNameAsString() + "'"}};
                addTo(arguments[i], {std::move(origin)}, state, "into");
            }
        }
    }

    // Which sink, if any, a stream insertion writes to: std::cout, a file stream, a glog line.
    std::optional<std::pair<SinkKind, std::string>> streamSink(const Expr* stream) const {
        stream = skipTransparent(stream);
        if (const auto* op = dyn_cast<CXXOperatorCallExpr>(stream);
            op && op->getOperator() == OO_LessLess && op->getNumArgs() == 2) {
            return streamSink(op->getArg(0));
        }
        std::string name;
        if (const auto* ref = dyn_cast<DeclRefExpr>(stream)) {
            name = modelName(*ref->getDecl());
        } else if (const auto* call = dyn_cast<CallExpr>(stream); call && call->getDirectCallee()) {
            name = modelName(*call->getDirectCallee());
        }
        if (const auto* sinks = knowledge_.models.sinks(name)) {
            return std::pair{sinks->front().kind, sinks->front().display};
        }
        if (const auto* record = stream->getType().getNonReferenceType()->getAsCXXRecordDecl()) {
            if (const auto* sinks = knowledge_.models.sinks(modelName(*record))) {
                return std::pair{sinks->front().kind, sinks->front().display};
            }
        }
        return std::nullopt;
    }

    bool whenMatches(const SinkModel& sink, const std::vector<const Expr*>& arguments) const {
        if (sink.whenArgument < 0) {
            return true;
        }
        if (sink.whenArgument >= int(arguments.size())) {
            return false;
        }
        const auto* ref = dyn_cast<DeclRefExpr>(skipTransparent(arguments[sink.whenArgument]));
        return ref && sink.whenConstants.contains(ref->getDecl()->getNameAsString());
    }

    void recordSink(SinkKind kind, const std::string& display, const CallExpr& call,
                    TaintValue value) {
        if (!recording_ || value.empty()) {
            return;
        }
        summary_.sinks.push_back(
            {kind, display, location(call.getSourceRange()), std::move(value)});
    }

    void recordSinks(const CallExpr& call, const std::string& name, const State& state) {
        auto arguments = argumentsOf(call);
        if (const auto* op = dyn_cast<CXXOperatorCallExpr>(&call);
            op && op->getOperator() == OO_LessLess && op->getNumArgs() == 2) {
            if (auto sink = streamSink(op->getArg(0))) {
                TaintValue value = eval(op->getArg(1), state);
                addOrigins(value, recordSource(*op->getArg(1)));
                recordSink(sink->first, sink->second, call, std::move(value));
            }
            return;
        }
        const auto* sinks = knowledge_.models.sinks(name);
        if (!sinks) {
            return;
        }
        for (const SinkModel& sink : *sinks) {
            if (!whenMatches(sink, arguments)) {
                continue;
            }
            TaintValue value = selected(call, sink.arguments, state);
            for (int i = 0; i < int(arguments.size()); ++i) {
                if (sink.arguments.selects(i)) {
                    addOrigins(value, recordSource(*arguments[i]));
                }
            }
            recordSink(sink.kind, sink.display.empty() ? name : sink.display, call,
                       std::move(value));
            return; // the first model that applies decides
        }
    }

    ASTContext& context_;
    const TaintKnowledge& knowledge_;
    DeclClassifier& classifier_;
    const FunctionDecl& function_;
    FunctionSummary summary_;
    std::map<const Expr*, int> callSites_;
    bool recording_ = false;
};

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
    explicit FunctionCollector(const SourceManager& sources) : sources_(sources) {}

    bool shouldVisitLambdaBodies() const { return true; }
    // A function template is analyzed once per instantiation: its calls then have real types.
    bool shouldVisitTemplateInstantiations() const { return true; }

    bool VisitFunctionDecl(FunctionDecl* function) {
        if (function->doesThisDeclarationHaveABody() && !function->isDependentContext() &&
            !sources_.isInSystemHeader(function->getLocation())) {
            functions.push_back(function);
        }
        return true;
    }

    bool VisitLambdaExpr(LambdaExpr* lambda) {
        if (CXXMethodDecl* callOperator = lambda->getCallOperator();
            callOperator && !callOperator->isDependentContext()) {
            functions.push_back(callOperator);
        }
        return true;
    }

    std::vector<const FunctionDecl*> functions;

private:
    const SourceManager& sources_;
};

} // namespace

std::vector<FunctionSummary> summarizeTranslationUnit(ASTContext& context,
                                                      const TaintKnowledge& knowledge) {
    FunctionCollector collector(context.getSourceManager());
    collector.TraverseAST(context);
    std::vector<FunctionSummary> summaries;
    std::set<const FunctionDecl*> seen;
    DeclClassifier classifier(knowledge);
    for (const FunctionDecl* function : collector.functions) {
        if (!seen.insert(function).second) {
            continue;
        }
        if (auto summary = FunctionAnalyzer(context, knowledge, classifier, *function).run()) {
            summaries.push_back(std::move(*summary));
        }
    }
    return summaries;
}

} // namespace privaudit::cpp
