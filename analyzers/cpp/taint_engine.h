#pragma once

#include "analyzers/cpp/access_models.h"
#include "analyzers/cpp/flow_models.h"
#include "analyzers/cpp/store_models.h"
#include "analyzers/cpp/taint_summary.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clang {
class ASTContext;
}

namespace privaudit::cpp {

// What a name says about the personal data it holds: categories such as "email", and whether
// the name alone is only weak evidence ("name" in a class that is not about a person).
struct NameClassification {
    std::vector<std::string> categories;
    bool weak = false;
};
using NameClassifier = std::function<std::optional<NameClassification>(std::string_view)>;

// What the taint engine needs to know about the world: library models and the vocabulary of
// personal data.
struct TaintKnowledge {
    FlowModels models;
    AccessModels access;
    StoreModels stores;
    NameClassifier classifyName;
    // Whether a type is named after the people data is about ("Customer", "KundeDto").
    std::function<bool(std::string_view)> namesDataSubject;
};

// Summarizes every function defined in the translation unit outside system headers: which of
// its values (parameters, personal data it reads, results of calls) reach which sinks, what
// it returns and what it passes to the functions it calls.
std::vector<FunctionSummary> summarizeTranslationUnit(clang::ASTContext& context,
                                                      const TaintKnowledge& knowledge);

} // namespace privaudit::cpp
