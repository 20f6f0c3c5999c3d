#pragma once

#include "analyzers/cpp/taint_engine.h"

#include <map>
#include <optional>
#include <string>

namespace clang {
class NamedDecl;
class RecordDecl;
} // namespace clang

namespace privaudit::cpp {

// The qualified name models use: namespaces and classes without template arguments or inline
// namespaces, e.g. "std::basic_string::append", "spdlog::logger::info", "httplib::Request::body".
std::string modelName(const clang::NamedDecl& decl);

// Decides which declarations hold personal data, once per declaration of a translation unit:
// by annotation (`[[clang::annotate("privaudit:pii=email")]]`, `privaudit:pii=none`), by
// model (a source field or function), or by name — a weak name ("name") only as a field of a
// record about a person.
class DeclClassifier {
public:
    explicit DeclClassifier(const TaintKnowledge& knowledge) : knowledge_(knowledge) {}

    std::optional<NameClassification> classify(const clang::NamedDecl& decl);

    // A record most of whose fields are personal data, or one named after a person
    // ("Customer") with at least one: an object of it passed whole is personal data.
    bool isPersonRecord(const clang::RecordDecl& record);

    // The categories of a person record's fields, sorted.
    std::vector<std::string> recordCategories(const clang::RecordDecl& record);

private:
    std::optional<NameClassification> classifyUncached(const clang::NamedDecl& decl);

    const TaintKnowledge& knowledge_;
    std::map<const clang::NamedDecl*, std::optional<NameClassification>> decls_;
    std::map<const clang::RecordDecl*, bool> records_;
};

} // namespace privaudit::cpp
