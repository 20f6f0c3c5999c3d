#include "analyzers/cpp/decl_classifier.h"

#include <algorithm>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <set>

namespace privaudit::cpp {

using namespace clang;

namespace {

constexpr llvm::StringLiteral annotationPrefix = "privaudit:pii=";

// The categories an annotation gives; an empty list for `privaudit:pii=none`.
std::optional<std::vector<std::string>> annotatedCategories(const NamedDecl& decl) {
    for (const AnnotateAttr* attribute : decl.specific_attrs<AnnotateAttr>()) {
        llvm::StringRef annotation = attribute->getAnnotation();
        if (!annotation.starts_with(annotationPrefix)) {
            continue;
        }
        std::vector<std::string> categories;
        llvm::SmallVector<llvm::StringRef> parts;
        annotation.drop_front(annotationPrefix.size()).split(parts, ',');
        for (llvm::StringRef part : parts) {
            if (part.trim() != "none" && !part.trim().empty()) {
                categories.push_back(part.trim().str());
            }
        }
        return categories;
    }
    return std::nullopt;
}

} // namespace

std::string modelName(const NamedDecl& decl) {
    std::vector<std::string> parts = {decl.getNameAsString()};
    if (const auto* method = dyn_cast<CXXMethodDecl>(&decl);
        method && isa<CXXConversionDecl, CXXConstructorDecl>(method)) {
        parts.back() = method->getParent()->getNameAsString();
    }
    for (const DeclContext* context = decl.getDeclContext(); context;
         context = context->getParent()) {
        if (const auto* ns = dyn_cast<NamespaceDecl>(context)) {
            if (!ns->isInline() && !ns->isAnonymousNamespace()) {
                parts.push_back(ns->getNameAsString());
            }
        } else if (const auto* record = dyn_cast<RecordDecl>(context)) {
            parts.push_back(record->getNameAsString());
        }
    }
    std::string name;
    for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
        name += (name.empty() ? "" : "::") + *part;
    }
    return name;
}

std::optional<NameClassification> DeclClassifier::classify(const NamedDecl& decl) {
    auto [found, inserted] = decls_.try_emplace(&decl);
    if (inserted) {
        found->second = classifyUncached(decl);
    }
    return found->second;
}

std::optional<NameClassification> DeclClassifier::classifyUncached(const NamedDecl& decl) {
    // An enumerator ("Field::Email") names a kind of data, never a customer's data.
    if (!decl.getIdentifier() || isa<EnumConstantDecl>(decl)) {
        return std::nullopt;
    }
    if (auto annotated = annotatedCategories(decl)) {
        if (annotated->empty()) {
            return std::nullopt;
        }
        return NameClassification{*annotated, false};
    }
    if (isa<FieldDecl, FunctionDecl>(decl)) {
        if (const SourceModel* source = knowledge_.models.source(modelName(decl))) {
            return NameClassification{source->categories, false};
        }
    }
    auto named = knowledge_.classifyName(decl.getName());
    if (!named || named->categories.empty()) {
        return std::nullopt;
    }
    if (named->weak) {
        // "name" counts only inside a record about a person ("Customer::name").
        const auto* field = dyn_cast<FieldDecl>(&decl);
        if (!field || !isPersonRecord(*field->getParent())) {
            return std::nullopt;
        }
        named->weak = false;
    }
    return named;
}

bool DeclClassifier::isPersonRecord(const RecordDecl& record) {
    auto [found, inserted] = records_.try_emplace(&record, false);
    if (!inserted) {
        return found->second;
    }
    int personal = 0;
    int fields = 0;
    for (const FieldDecl* field : record.fields()) {
        ++fields;
        auto named =
            field->getIdentifier() ? knowledge_.classifyName(field->getName()) : std::nullopt;
        personal += named && !named->weak && !named->categories.empty();
    }
    bool aboutAPerson = record.getIdentifier() && knowledge_.namesDataSubject(record.getName());
    bool result = aboutAPerson ? personal >= 1 : personal >= 2 && personal * 3 >= fields;
    records_[&record] = result;
    return result;
}

std::vector<std::string> DeclClassifier::recordCategories(const RecordDecl& record) {
    std::set<std::string> categories;
    for (const FieldDecl* field : record.fields()) {
        if (auto named = classify(*field)) {
            categories.insert(named->categories.begin(), named->categories.end());
        }
    }
    return {categories.begin(), categories.end()};
}

} // namespace privaudit::cpp
