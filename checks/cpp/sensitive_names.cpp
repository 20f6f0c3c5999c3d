#include "checks/cpp/sensitive_names.h"

#include "checks/common/secret_classifier.h"
#include "checks/common/taint_knowledge.h"

#include <algorithm>

namespace privaudit::checks {

namespace {

bool isContent(const std::string& category) {
    return category == "transcript" || category == "order-history";
}

std::string displayList(const std::vector<std::string>& categories) {
    std::string text;
    for (const std::string& category : categories) {
        text += (text.empty() ? "" : ", ") + categoryDisplayName(category);
    }
    return text;
}

} // namespace

std::optional<SensitiveData> sensitiveDataNamed(std::string_view identifier,
                                                const cpp::TaintKnowledge& knowledge,
                                                bool inPersonRecord) {
    std::optional<std::string> credential =
        SecretClassifier::instance().credentialKindOfName(identifier);
    if (credential == "password") {
        return SensitiveData{SensitiveData::Kind::Password, "password", {"credential"}};
    }
    auto personal = knowledge.classifyName(identifier);
    if (personal && personal->weak && !inPersonRecord) {
        personal.reset();
    }
    if (personal && !personal->categories.empty()) {
        const std::vector<std::string>& categories = personal->categories;
        if (std::ranges::find(categories, "credential") != categories.end()) {
            // PIN codes, one-time codes and passcodes are short; tokens and keys are not.
            return credential ? SensitiveData{SensitiveData::Kind::Secret, *credential, categories}
                              : SensitiveData{SensitiveData::Kind::Password, "PIN or one-time code",
                                              categories};
        }
        bool content = std::ranges::all_of(categories, isContent);
        return SensitiveData{content ? SensitiveData::Kind::Content
                                     : SensitiveData::Kind::Identifying,
                             displayList(categories), categories};
    }
    if (credential && credential != "token") {
        return SensitiveData{SensitiveData::Kind::Secret, *credential, {"credential"}};
    }
    return std::nullopt;
}

std::string withArticle(const std::string& what) {
    bool vowel = !what.empty() && std::string_view("aeiouAEIOU").find(what[0]) != std::string::npos;
    return (vowel ? "an " : "a ") + what;
}

} // namespace privaudit::checks
