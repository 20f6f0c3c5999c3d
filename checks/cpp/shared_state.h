#pragma once

#include "analyzers/cpp/request_handlers.h"
#include "analyzers/cpp/taint_engine.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <vector>

namespace privaudit::checks {

// Where a request handler touches state that outlives the request: a namespace-scope,
// static or static-local variable, a `thread_local`, a data member of the object the
// framework serves every request with, or a member of a singleton.
struct SharedAccess {
    enum class Kind { Write, Read };
    Kind kind = Kind::Read;
    const clang::ValueDecl* state = nullptr; // the variable or field
    const clang::Expr* expression = nullptr; // where it is named
    const clang::Expr* key = nullptr;        // `state[key]`, `state.find(key)`; null otherwise
    std::vector<const clang::Expr*> values;  // what a write puts in
    bool clears = false;                     // a write that empties it: clear(), = {}
    bool locked = false;                     // a lock is held where it happens
};

// Every shared access in `handler`, in source order. `holdsData` decides which states are
// worth following (strings, containers, records; not mutexes, loggers or repositories).
std::vector<SharedAccess> sharedAccessesIn(clang::ASTContext& context,
                                           const cpp::RequestHandler& handler,
                                           const cpp::FlowModels& models);

// Whether a thread-local variable.
bool isThreadLocal(const clang::ValueDecl& state);

} // namespace privaudit::checks
