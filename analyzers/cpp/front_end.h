#pragma once

#include "analyzers/cpp/cpp_check.h"
#include "analyzers/cpp/taint_engine.h"
#include "core/finding_json.h"

#include <memory>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace privaudit::cpp {

// How each translation unit is compiled: from the product's compile_commands.json, or with
// default flags when there is none.
class CompilationSetup {
public:
    // From a compile_commands.json file or a folder holding one. Returns null and sets `error`
    // ("file:line: message") when it is missing or invalid.
    static std::unique_ptr<CompilationSetup> fromDatabase(const std::string& path,
                                                          std::string& error);

    // For sources scanned without a database: see defaultCompileArgs.
    static std::unique_ptr<CompilationSetup> withDefaultFlags(std::vector<std::string> roots);

    ~CompilationSetup();

    // The translation units a compilation database names (absolute paths); empty for
    // default flags.
    std::vector<std::string> databaseSources() const;

    // How `file` is compiled: the directory, then the arguments (for cache keys).
    std::vector<std::string> commandLine(const std::string& file) const;

    // Parses one translation unit, runs `checks` on it and, when `summarize`, summarizes its
    // functions for the taint engine. Compile errors become one CompileError notification;
    // the checks still see what Clang recovered.
    struct UnitResult {
        core::AnalyzerOutput output;
        std::vector<FunctionSummary> summaries;
        std::vector<std::string> includedFiles; // user headers it read (not system headers)
    };
    // With `unsavedContent`, that text stands for the file's content (an editor's buffer).
    UnitResult analyze(const std::string& file, const std::vector<CppCheck*>& checks,
                       const TaintKnowledge& knowledge, bool summarize,
                       const std::string* unsavedContent = nullptr) const;

private:
    explicit CompilationSetup(std::unique_ptr<clang::tooling::CompilationDatabase> database);
    std::unique_ptr<clang::tooling::CompilationDatabase> database_;
};

} // namespace privaudit::cpp
