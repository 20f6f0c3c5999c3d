#pragma once

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

protected:
    // Reports at `range` unless it lies in a system header or has no file location.
    void report(const clang::SourceManager& sources, clang::SourceRange range, std::string message,
                std::vector<std::string> categories);

private:
    std::vector<core::Finding>* findings_ = nullptr;
};

// The file location a range's start and end expand to; file empty when there is none.
core::SourceLocation toSourceLocation(const clang::SourceManager& sources,
                                      clang::SourceRange range);

} // namespace privaudit::cpp
