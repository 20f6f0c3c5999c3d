#pragma once

#include "analyzers/cpp/taint_engine.h"
#include "core/finding.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <string_view>
#include <vector>

namespace privaudit::cpp {

// A C/C++ check, in the style of clang-tidy: it registers AST matchers, is called back for
// each match, and reports findings. It never prints. Register a check by rule id with
//     static core::CheckRegistration<cpp::CppCheck, MyCheck> registration;
class CppCheck : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
    virtual std::string_view ruleId() const = 0;
    virtual void registerMatchers(clang::ast_matchers::MatchFinder& finder) = 0;

    // Where the front end collects this check's findings for the current translation unit.
    void setOutput(std::vector<core::Finding>* findings) { findings_ = findings; }
    // What the scan knows about personal data: the built-in vocabulary and models with the
    // policy file's additions. Set by the front end before the matchers run.
    void setKnowledge(const TaintKnowledge* knowledge) { knowledge_ = knowledge; }

protected:
    // Reports at `range` unless it lies in a system header or has no file location; the
    // finding, for related locations and code flows, until the next report.
    core::Finding* report(const clang::SourceManager& sources, clang::SourceRange range,
                          std::string message, std::vector<std::string> categories);

    const TaintKnowledge& knowledge() const { return *knowledge_; }

private:
    std::vector<core::Finding>* findings_ = nullptr;
    const TaintKnowledge* knowledge_ = nullptr;
};

// The file location a range's start and end expand to; file empty when there is none.
core::SourceLocation toSourceLocation(const clang::SourceManager& sources,
                                      clang::SourceRange range);

} // namespace privaudit::cpp
