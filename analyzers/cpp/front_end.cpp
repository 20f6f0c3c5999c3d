#include "analyzers/cpp/front_end.h"

#include "analyzers/cpp/default_flags.h"

#include <algorithm>
#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <filesystem>
#include <fstream>
#include <llvm/ADT/SmallString.h>
#include <nlohmann/json.hpp>

namespace privaudit::cpp {

namespace fs = std::filesystem;
using clang::tooling::CompileCommand;

namespace {

class DefaultFlagsDatabase : public clang::tooling::CompilationDatabase {
public:
    explicit DefaultFlagsDatabase(const std::vector<std::string>& roots) {
        for (const std::string& root : roots) {
            fs::path absolute = fs::absolute(root).lexically_normal();
            roots_.push_back(fs::is_directory(absolute) ? absolute : absolute.parent_path());
        }
    }

    std::vector<CompileCommand> getCompileCommands(llvm::StringRef file) const override {
        fs::path path = fs::absolute(file.str()).lexically_normal();
        return {CompileCommand(path.parent_path().string(), path.string(),
                               defaultCompileArgs(path, roots_), "")};
    }

private:
    std::vector<fs::path> roots_;
};

// Keeps the first compile error and counts them; Clang's own printing is silenced.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
    void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                          const clang::Diagnostic& diagnostic) override {
        DiagnosticConsumer::HandleDiagnostic(level, diagnostic);
        if (level < clang::DiagnosticsEngine::Error) {
            return;
        }
        if (++errors_ > 1) {
            return;
        }
        llvm::SmallString<256> text;
        diagnostic.FormatDiagnostic(text);
        firstMessage_ = text.str().str();
        if (diagnostic.hasSourceManager() && diagnostic.getLocation().isValid()) {
            const clang::SourceManager& sources = diagnostic.getSourceManager();
            clang::PresumedLoc at =
                sources.getPresumedLoc(sources.getFileLoc(diagnostic.getLocation()));
            if (at.isValid()) {
                firstAt_ = {at.getFilename(), static_cast<int>(at.getLine()),
                            static_cast<int>(at.getColumn())};
            }
        }
    }

    int errors() const { return errors_; }
    const std::string& firstMessage() const { return firstMessage_; }
    const core::SourceLocation& firstAt() const { return firstAt_; }

private:
    int errors_ = 0;
    std::string firstMessage_;
    core::SourceLocation firstAt_;
};

// Restricts every later traversal (the matchers, the summaries) to declarations outside system
// headers: the standard library is most of a translation unit and none of our business.
class UserCodeScope : public clang::ASTConsumer {
public:
    void HandleTranslationUnit(clang::ASTContext& context) override {
        const clang::SourceManager& sources = context.getSourceManager();
        std::vector<clang::Decl*> userDecls;
        for (clang::Decl* decl : context.getTranslationUnitDecl()->decls()) {
            if (!sources.isInSystemHeader(sources.getExpansionLoc(decl->getLocation()))) {
                userDecls.push_back(decl);
            }
        }
        context.setTraversalScope(userDecls);
    }
};

// After the AST matchers, summarizes the translation unit's functions for the taint engine.
class SummaryConsumer : public clang::ASTConsumer {
public:
    SummaryConsumer(const TaintKnowledge& knowledge, std::vector<FunctionSummary>& summaries)
        : knowledge_(knowledge), summaries_(summaries) {}

    void HandleTranslationUnit(clang::ASTContext& context) override {
        summaries_ = summarizeTranslationUnit(context, knowledge_);
    }

private:
    const TaintKnowledge& knowledge_;
    std::vector<FunctionSummary>& summaries_;
};

// Records the user headers a translation unit enters, for --changed-since and the cache.
class IncludeRecorder : public clang::PPCallbacks {
public:
    IncludeRecorder(const clang::SourceManager& sources, std::vector<std::string>& files)
        : sources_(sources), files_(files) {}

    void FileChanged(clang::SourceLocation location, FileChangeReason reason,
                     clang::SrcMgr::CharacteristicKind kind, clang::FileID) override {
        if (reason != EnterFile || kind != clang::SrcMgr::C_User) {
            return;
        }
        auto entry = sources_.getFileEntryRefForID(sources_.getFileID(location));
        if (entry && sources_.getFileID(location) != sources_.getMainFileID()) {
            files_.push_back(sources_.getFileManager().getCanonicalName(*entry).str());
        }
    }

private:
    const clang::SourceManager& sources_;
    std::vector<std::string>& files_;
};

class AnalysisAction : public clang::ASTFrontendAction {
public:
    AnalysisAction(clang::ast_matchers::MatchFinder& finder, const TaintKnowledge* knowledge,
                   std::vector<FunctionSummary>& summaries, std::vector<std::string>& includes)
        : finder_(finder), knowledge_(knowledge), summaries_(summaries), includes_(includes) {}

    bool BeginSourceFileAction(clang::CompilerInstance& compiler) override {
        compiler.getPreprocessor().addPPCallbacks(
            std::make_unique<IncludeRecorder>(compiler.getSourceManager(), includes_));
        return true;
    }

    std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                          llvm::StringRef) override {
        std::vector<std::unique_ptr<clang::ASTConsumer>> consumers;
        consumers.push_back(std::make_unique<UserCodeScope>());
        consumers.push_back(finder_.newASTConsumer());
        if (knowledge_) {
            consumers.push_back(std::make_unique<SummaryConsumer>(*knowledge_, summaries_));
        }
        return std::make_unique<clang::MultiplexConsumer>(std::move(consumers));
    }

private:
    clang::ast_matchers::MatchFinder& finder_;
    const TaintKnowledge* knowledge_;
    std::vector<FunctionSummary>& summaries_;
    std::vector<std::string>& includes_;
};

class AnalysisActionFactory : public clang::tooling::FrontendActionFactory {
public:
    AnalysisActionFactory(clang::ast_matchers::MatchFinder& finder, const TaintKnowledge* knowledge,
                          CompilationSetup::UnitResult& result)
        : finder_(finder), knowledge_(knowledge), result_(result) {}

    std::unique_ptr<clang::FrontendAction> create() override {
        return std::make_unique<AnalysisAction>(finder_, knowledge_, result_.summaries,
                                                result_.includedFiles);
    }

private:
    clang::ast_matchers::MatchFinder& finder_;
    const TaintKnowledge* knowledge_;
    CompilationSetup::UnitResult& result_;
};

// "file:line: message" for a compile_commands.json that is not valid JSON.
std::string jsonSyntaxError(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (nlohmann::json::accept(text)) {
        return {};
    }
    try {
        [[maybe_unused]] auto parsed = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        size_t end = std::min(error.byte, text.size());
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + end, '\n'));
        std::string message = error.what();
        size_t detail = message.find("syntax error");
        return path + ":" + std::to_string(line) + ": invalid JSON: " +
               (detail == std::string::npos ? message : message.substr(detail));
    }
    return path + ": invalid JSON";
}

// A database entry may name its source relative to its directory ("file": "src/a.cpp"); Clang
// then names every location in it relative to that directory, and the report would resolve it
// against privaudit's own. The source is passed by its absolute path instead.
clang::tooling::ArgumentsAdjuster
absoluteSourceAdjuster(const clang::tooling::CompilationDatabase& database,
                       const std::string& file) {
    std::vector<CompileCommand> commands = database.getCompileCommands(file);
    fs::path directory = commands.empty() ? fs::path() : fs::path(commands.front().Directory);
    fs::path source = fs::path(file).lexically_normal();
    return [directory, source](const clang::tooling::CommandLineArguments& arguments,
                               llvm::StringRef) {
        clang::tooling::CommandLineArguments adjusted = arguments;
        for (std::string& argument : adjusted) {
            fs::path path(argument);
            if (!argument.starts_with("-") && path.is_relative() &&
                (directory / path).lexically_normal() == source) {
                argument = source.string();
            }
        }
        return adjusted;
    };
}

} // namespace

CompilationSetup::CompilationSetup(std::unique_ptr<clang::tooling::CompilationDatabase> database)
    : database_(std::move(database)) {}

CompilationSetup::~CompilationSetup() = default;

std::unique_ptr<CompilationSetup> CompilationSetup::fromDatabase(const std::string& path,
                                                                 std::string& error) {
    std::error_code ec;
    fs::path file =
        fs::is_directory(path, ec) ? fs::path(path) / "compile_commands.json" : fs::path(path);
    if (!fs::is_regular_file(file, ec)) {
        error = file.string() + ": no compilation database here";
        return nullptr;
    }
    if (std::string syntax = jsonSyntaxError(file.string()); !syntax.empty()) {
        error = syntax;
        return nullptr;
    }
    std::string message;
    auto database = clang::tooling::JSONCompilationDatabase::loadFromFile(
        file.string(), message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (!database) {
        error = file.string() + ": " + message;
        return nullptr;
    }
    return std::unique_ptr<CompilationSetup>(new CompilationSetup(std::move(database)));
}

std::unique_ptr<CompilationSetup>
CompilationSetup::withDefaultFlags(std::vector<std::string> roots) {
    return std::unique_ptr<CompilationSetup>(
        new CompilationSetup(std::make_unique<DefaultFlagsDatabase>(std::move(roots))));
}

std::vector<std::string> CompilationSetup::databaseSources() const {
    return database_->getAllFiles();
}

std::vector<std::string> CompilationSetup::commandLine(const std::string& file) const {
    std::vector<std::string> line;
    for (const CompileCommand& command : database_->getCompileCommands(file)) {
        line.push_back(command.Directory);
        line.insert(line.end(), command.CommandLine.begin(), command.CommandLine.end());
    }
    return line;
}

CompilationSetup::UnitResult CompilationSetup::analyze(const std::string& file,
                                                       const std::vector<CppCheck*>& checks,
                                                       const TaintKnowledge& knowledge,
                                                       bool summarize,
                                                       const std::string* unsavedContent) const {
    using namespace clang::tooling;
    UnitResult result;
    core::AnalyzerOutput& output = result.output;
    ClangTool tool(*database_, {file});
    if (unsavedContent) {
        tool.mapVirtualFile(file, *unsavedContent);
    }
    tool.appendArgumentsAdjuster(absoluteSourceAdjuster(*database_, file));
    tool.appendArgumentsAdjuster(getClangSyntaxOnlyAdjuster());
    tool.appendArgumentsAdjuster(getClangStripOutputAdjuster());
    tool.appendArgumentsAdjuster(getClangStripDependencyFileAdjuster());
    tool.appendArgumentsAdjuster(
        getInsertArgumentAdjuster({"-resource-dir=" PRIVAUDIT_CLANG_RESOURCE_DIR,
                                   "-Wno-unknown-warning-option", "-Qunused-arguments"},
                                  ArgumentInsertPosition::END));
    ErrorCollector errors;
    tool.setDiagnosticConsumer(&errors);

    clang::ast_matchers::MatchFinder finder;
    for (CppCheck* check : checks) {
        check->setOutput(&output.findings);
        check->setKnowledge(&knowledge);
        check->registerMatchers(finder);
    }
    AnalysisActionFactory factory(finder, summarize ? &knowledge : nullptr, result);
    int status = tool.run(&factory);
    for (CppCheck* check : checks) {
        check->setOutput(nullptr);
    }
    std::ranges::sort(result.includedFiles);
    result.includedFiles.erase(std::ranges::unique(result.includedFiles).begin(),
                               result.includedFiles.end());

    if (status != 0 || errors.errors() > 0) {
        core::Notification notification;
        notification.kind = core::Notification::Kind::CompileError;
        notification.level = core::Level::Warning;
        notification.location =
            errors.firstAt().file.empty() ? core::SourceLocation{file} : errors.firstAt();
        notification.message = errors.errors() == 0
                                   ? "could not compile this translation unit; no results for it"
                                   : std::to_string(errors.errors()) +
                                         " compile error(s), first: " + errors.firstMessage() +
                                         "; results are what Clang recovered";
        output.notifications.push_back(std::move(notification));
    }
    return result;
}

} // namespace privaudit::cpp
