#include "analyzers/cpp/access_models.h"

#include "analyzers/cpp/model_reader.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <iterator>

namespace privaudit::cpp {

using core::DocNode;

namespace {

void insertAll(std::set<std::string>& into, const std::vector<std::string>& names) {
    into.insert(names.begin(), names.end());
}

std::vector<std::vector<std::string>> phrases(const std::vector<std::string>& words) {
    std::vector<std::vector<std::string>> result;
    for (const std::string& phrase : words) {
        result.push_back(core::identifierWords(phrase));
    }
    return result;
}

bool wildcardMatch(std::string_view pattern, std::string_view text) {
    size_t star = pattern.find('*');
    if (star == std::string_view::npos) {
        return pattern == text;
    }
    if (!text.starts_with(pattern.substr(0, star))) {
        return false;
    }
    std::string_view rest = pattern.substr(star + 1);
    for (size_t from = star; from <= text.size(); ++from) {
        if (wildcardMatch(rest, text.substr(from))) {
            return true;
        }
    }
    return false;
}

bool anyPhrase(std::string_view identifier, const std::vector<std::vector<std::string>>& list) {
    return std::ranges::any_of(list, [&](const std::vector<std::string>& phrase) {
        return containsWords(identifier, phrase);
    });
}

} // namespace

bool containsWords(std::string_view identifier, const std::vector<std::string>& phrase) {
    std::vector<std::string> words = core::identifierWords(identifier);
    if (phrase.empty() || words.size() < phrase.size()) {
        return false;
    }
    return std::ranges::search(words, phrase).begin() != words.end();
}

void AccessModels::add(const DocNode& root, std::vector<std::string>& errors) {
    ModelReader reader(errors);
    if (const DocNode* handlers = root.find("request-handlers")) {
        reader.checkKeys(*handlers, {"request-types", "response-types", "response-functions",
                                     "controller-bases", "route-registrations", "name-patterns"});
        insertAll(requestTypes_, reader.strings(handlers->find("request-types"), "types"));
        insertAll(responseTypes_, reader.strings(handlers->find("response-types"), "types"));
        insertAll(responseFunctions_,
                  reader.strings(handlers->find("response-functions"), "functions"));
        insertAll(controllerBases_, reader.strings(handlers->find("controller-bases"), "types"));
        insertAll(routeRegistrations_,
                  reader.strings(handlers->find("route-registrations"), "functions"));
        for (std::string& pattern : reader.strings(handlers->find("name-patterns"), "patterns")) {
            handlerPatterns_.push_back(std::move(pattern));
        }
    }
    if (const DocNode* session = root.find("session-identity")) {
        reader.checkKeys(*session, {"functions", "words", "key-words"});
        insertAll(sessionFunctions_, reader.strings(session->find("functions"), "functions"));
        std::ranges::move(phrases(reader.strings(session->find("words"), "words")),
                          std::back_inserter(sessionWords_));
        std::ranges::move(phrases(reader.strings(session->find("key-words"), "key-words")),
                          std::back_inserter(sessionKeyWords_));
    }
    if (const DocNode* authorization = root.find("authorization")) {
        reader.checkKeys(*authorization, {"functions", "words", "class-words"});
        insertAll(authorizationFunctions_,
                  reader.strings(authorization->find("functions"), "functions"));
        std::ranges::move(phrases(reader.strings(authorization->find("words"), "words")),
                          std::back_inserter(authorizationWords_));
        std::ranges::move(
            phrases(reader.strings(authorization->find("class-words"), "class-words")),
            std::back_inserter(authorizationClassWords_));
    }
    if (const DocNode* access = root.find("data-access")) {
        for (const DocNode& entry : access->items) {
            reader.checkKeys(entry, {"functions", "key-argument", "when-sql-selects", "class-words",
                                     "method-words", "returns-words"});
            DataAccessModel model;
            insertAll(model.functions, reader.strings(entry.find("functions"), "functions"));
            if (const DocNode* key = entry.find("key-argument")) {
                model.keyArgument = reader.integer(*key);
            }
            if (const DocNode* sql = entry.find("when-sql-selects")) {
                model.whenSqlSelects = sql->scalar == "true";
            }
            insertAll(model.classWords, reader.strings(entry.find("class-words"), "words"));
            insertAll(model.methodWords, reader.strings(entry.find("method-words"), "words"));
            insertAll(model.returnsWords, reader.strings(entry.find("returns-words"), "words"));
            if (model.functions.empty() &&
                (model.classWords.empty() || model.methodWords.empty())) {
                reader.error(entry, "a data-access model needs `functions`, or both "
                                    "`class-words` and `method-words`");
                continue;
            }
            dataAccess_.push_back(std::move(model));
        }
    }
}

bool AccessModels::isRequestType(const std::string& qualifiedClass) const {
    return requestTypes_.contains(qualifiedClass);
}

bool AccessModels::isResponseType(const std::string& qualifiedClass) const {
    return responseTypes_.contains(qualifiedClass);
}

bool AccessModels::isResponseFunction(const std::string& function) const {
    return responseFunctions_.contains(function);
}

bool AccessModels::isControllerBase(const std::string& qualifiedClass) const {
    return controllerBases_.contains(qualifiedClass);
}

bool AccessModels::isRouteRegistration(const std::string& function) const {
    return routeRegistrations_.contains(function);
}

bool AccessModels::matchesHandlerPattern(const std::string& qualifiedFunction) const {
    return std::ranges::any_of(handlerPatterns_, [&](const std::string& pattern) {
        return wildcardMatch(pattern, qualifiedFunction);
    });
}

bool AccessModels::isSessionIdentity(const std::string& function, std::string_view name) const {
    return sessionFunctions_.contains(function) || anyPhrase(name, sessionWords_);
}

bool AccessModels::isSessionKeyName(std::string_view name) const {
    return anyPhrase(name, sessionKeyWords_);
}

bool AccessModels::isAuthorization(const std::string& function, std::string_view name,
                                   std::string_view className) const {
    return authorizationFunctions_.contains(function) || anyPhrase(name, authorizationWords_) ||
           (!className.empty() && anyPhrase(className, authorizationClassWords_));
}

} // namespace privaudit::cpp
