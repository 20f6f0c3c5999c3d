#include "analyzers/cpp/cpp_check.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

namespace privaudit::cpp {

core::SourceLocation toSourceLocation(const clang::SourceManager& sources,
                                      clang::SourceRange range) {
    clang::SourceLocation begin = sources.getFileLoc(range.getBegin());
    clang::SourceLocation end = sources.getFileLoc(range.getEnd());
    if (begin.isInvalid()) {
        return {};
    }
    clang::PresumedLoc start = sources.getPresumedLoc(begin, false);
    if (start.isInvalid()) {
        return {};
    }
    core::SourceLocation location{
        start.getFilename(), static_cast<int>(start.getLine()), static_cast<int>(start.getColumn()),
        static_cast<int>(start.getLine()), static_cast<int>(start.getColumn())};
    if (end.isValid() && sources.isWrittenInSameFile(begin, end)) {
        // The range ends at the start of its last token; SARIF wants the column after it.
        unsigned length = clang::Lexer::MeasureTokenLength(end, sources, clang::LangOptions());
        clang::PresumedLoc finish = sources.getPresumedLoc(end, false);
        location.endLine = static_cast<int>(finish.getLine());
        location.endColumn = static_cast<int>(finish.getColumn() + length);
    }
    return location;
}

core::Finding* CppCheck::report(const clang::SourceManager& sources, clang::SourceRange range,
                                std::string message, std::vector<std::string> categories) {
    if (!findings_ || sources.isInSystemHeader(sources.getFileLoc(range.getBegin()))) {
        return nullptr;
    }
    core::SourceLocation location = toSourceLocation(sources, range);
    if (location.file.empty()) {
        return nullptr;
    }
    core::Finding finding;
    finding.ruleId = std::string(ruleId());
    finding.message = std::move(message);
    finding.location = std::move(location);
    finding.categories = std::move(categories);
    findings_->push_back(std::move(finding));
    return &findings_->back();
}

} // namespace privaudit::cpp
