#pragma once

#include "core/doc_tree.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::cpp {

// A call that reads customer records by a key (a repository method, an SQL query).
struct DataAccessModel {
    std::set<std::string> functions;
    int keyArgument = -1; // -1: every argument may be the key
    bool whenSqlSelects = false;
    // Name-recognized accessors: a method of a class named with one of `classWords`, named
    // with one of `methodWords`.
    std::set<std::string> classWords;
    std::set<std::string> methodWords;
    // ... returning a record named with one of these, or a record about a person.
    std::set<std::string> returnsWords;
};

// Library models for access control and session isolation (checks/models/http-handlers.yaml
// and the policy's `models`): which functions handle requests, what identifies the caller,
// which calls check authorization and which read customer records.
class AccessModels {
public:
    // Adds the `request-handlers`, `session-identity`, `authorization` and `data-access`
    // sections of one model file; problems are appended to `errors` as "line: message".
    void add(const core::DocNode& root, std::vector<std::string>& errors);

    bool isRequestType(const std::string& qualifiedClass) const;
    bool isResponseType(const std::string& qualifiedClass) const;
    bool isResponseFunction(const std::string& function) const;
    bool isControllerBase(const std::string& qualifiedClass) const;
    bool isRouteRegistration(const std::string& function) const;
    // Policy-declared handler names: `*` matches any run of characters.
    bool matchesHandlerPattern(const std::string& qualifiedFunction) const;

    bool isSessionIdentity(const std::string& function, std::string_view name) const;
    // A name of a per-conversation id: "sessionId", "conversation_id", "sender".
    bool isSessionKeyName(std::string_view name) const;
    // `name` is the function's own name, `className` its class's (empty for free functions).
    bool isAuthorization(const std::string& function, std::string_view name,
                         std::string_view className) const;

    const std::vector<DataAccessModel>& dataAccess() const { return dataAccess_; }

private:
    std::set<std::string> requestTypes_, responseTypes_, responseFunctions_, controllerBases_,
        routeRegistrations_;
    std::vector<std::string> handlerPatterns_;
    std::set<std::string> sessionFunctions_, authorizationFunctions_;
    std::vector<std::vector<std::string>> sessionWords_, sessionKeyWords_, authorizationWords_,
        authorizationClassWords_;
    std::vector<DataAccessModel> dataAccess_;
};

// Whether the words of `identifier` contain `phrase` (itself a list of words) in order:
// "verifyOwnerOf" contains "verify owner".
bool containsWords(std::string_view identifier, const std::vector<std::string>& phrase);

} // namespace privaudit::cpp
