#include "cli/lsp_command.h"

#include "cli/json_rpc.h"
#include "core/paths.h"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sys/wait.h>
#include <unistd.h>

namespace privaudit::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const lspUsage =
    R"(usage: privaudit lsp [-p BUILD_DIR|compile_commands.json] [--config FILE]

A Language Server (LSP 3.17) over stdin/stdout. When an editor opens or saves a C/C++ source
or a bot configuration, privaudit scans the document's text and publishes its findings as
diagnostics (code: the rule id, linked to its documentation). C/C++ flags come from -p, else
from compile_commands.json in the workspace root or its build/ folder, else defaults.
)";

const std::string kDocsBase = "https://github.com/privaudit/privaudit/blob/main/docs/rules/";

std::optional<std::string> pathOfUri(const std::string& uri) {
    if (!uri.starts_with("file://")) {
        return std::nullopt;
    }
    std::string path;
    for (std::size_t i = 7; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size()) {
            path += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            path += uri[i];
        }
    }
    return path;
}

// Runs privaudit (this executable) with `arguments` and `input` on stdin; its stdout.
std::string runSelf(const std::vector<std::string>& arguments, const std::string& input) {
    char inputPath[] = "/tmp/privaudit-lsp-XXXXXX";
    int inputFile = mkstemp(inputPath);
    if (inputFile < 0 || write(inputFile, input.data(), input.size()) < 0) {
        return {};
    }
    lseek(inputFile, 0, SEEK_SET);
    unlink(inputPath);
    int output[2];
    if (pipe(output) != 0) {
        close(inputFile);
        return {};
    }
    pid_t child = fork();
    if (child == 0) {
        dup2(inputFile, 0);
        dup2(output[1], 1);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2);
        close(output[0]);
        std::vector<char*> argv;
        for (const std::string& argument : arguments) {
            argv.push_back(const_cast<char*>(argument.c_str()));
        }
        argv.push_back(nullptr);
        execv("/proc/self/exe", argv.data());
        _exit(127);
    }
    close(inputFile);
    close(output[1]);
    std::string text;
    char buffer[65536];
    for (ssize_t n; (n = read(output[0], buffer, sizeof buffer)) > 0;) {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    close(output[0]);
    int status = 0;
    waitpid(child, &status, 0);
    return text;
}

json range(int line, int column, int endLine, int endColumn) {
    int startLine = std::max(line, 1) - 1;
    int startCharacter = std::max(column, 1) - 1;
    int lastLine = endLine > 0 ? endLine - 1 : startLine;
    int endCharacter = endColumn > 0 ? endColumn - 1 : startCharacter + 1;
    return {{"start", {{"line", startLine}, {"character", startCharacter}}},
            {"end", {{"line", lastLine}, {"character", endCharacter}}}};
}

int severity(const std::string& level) {
    return level == "error" ? 1 : level == "warning" ? 2 : 3;
}

class LanguageServer {
public:
    LanguageServer(std::optional<std::string> database, std::optional<std::string> policy)
        : database_(std::move(database)), policy_(std::move(policy)) {}

    int run() {
        while (auto message = readRpcMessage(std::cin)) {
            std::string method = message->value("method", "");
            json params = message->value("params", json::object());
            if (method == "exit") {
                return shutdownRequested_ ? 0 : 1;
            }
            if (method == "initialize") {
                initialize(params);
                reply(
                    *message,
                    {{"capabilities",
                      {{"textDocumentSync",
                        {{"openClose", true}, {"change", 1}, {"save", {{"includeText", true}}}}}}},
                     {"serverInfo", {{"name", "privaudit"}, {"version", PRIVAUDIT_VERSION}}}});
            } else if (method == "shutdown") {
                shutdownRequested_ = true;
                reply(*message, nullptr);
            } else if (method == "textDocument/didOpen") {
                const json& document = params.at("textDocument");
                texts_[document.at("uri")] = document.at("text").get<std::string>();
                publish(document.at("uri"));
            } else if (method == "textDocument/didChange") {
                // Full sync: keep the newest text; diagnostics follow on save.
                auto changes = params.value("contentChanges", json::array());
                if (!changes.empty()) {
                    texts_[params.at("textDocument").at("uri")] =
                        changes.back().value("text", std::string());
                }
            } else if (method == "textDocument/didSave") {
                std::string uri = params.at("textDocument").at("uri");
                if (params.contains("text")) {
                    texts_[uri] = params.at("text").get<std::string>();
                }
                publish(uri);
            } else if (method == "textDocument/didClose") {
                std::string uri = params.at("textDocument").at("uri");
                texts_.erase(uri);
                notify("textDocument/publishDiagnostics",
                       {{"uri", uri}, {"diagnostics", json::array()}});
            } else if (message->contains("id")) {
                writeRpcMessage(std::cout, {{"jsonrpc", "2.0"},
                                            {"id", message->at("id")},
                                            {"error",
                                             {{"code", -32601},
                                              {"message", "method not supported: " + method}}}});
            }
        }
        return 1; // the input ended without "exit"
    }

private:
    void initialize(const json& params) {
        std::optional<std::string> root;
        if (params.contains("rootUri") && params.at("rootUri").is_string()) {
            root = pathOfUri(params.at("rootUri"));
        } else if (params.contains("rootPath") && params.at("rootPath").is_string()) {
            root = params.at("rootPath").get<std::string>();
        }
        root_ = root ? *root : fs::current_path().string();
        if (!database_) {
            for (const char* candidate : {"compile_commands.json", "build/compile_commands.json"}) {
                if (fs::exists(fs::path(root_) / candidate)) {
                    database_ = (fs::path(root_) / candidate).string();
                    break;
                }
            }
        }
    }

    void reply(const json& request, const json& result) {
        writeRpcMessage(std::cout,
                        {{"jsonrpc", "2.0"}, {"id", request.at("id")}, {"result", result}});
    }

    void notify(const std::string& method, const json& params) {
        writeRpcMessage(std::cout, {{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
    }

    void publish(const std::string& uri) {
        std::optional<std::string> path = pathOfUri(uri);
        if (!path) {
            return;
        }
        std::vector<std::string> arguments = {"privaudit", "scan", "--stdin-filename", *path,
                                              "--format",  "json", "--source-root",    root_,
                                              "--fail-on", "none"};
        if (database_) {
            arguments.insert(arguments.end(), {"-p", *database_});
        }
        if (policy_) {
            arguments.insert(arguments.end(), {"--config", *policy_});
        }
        json report = json::parse(runSelf(arguments, texts_[uri]), nullptr, false);
        std::string relative = core::relativePath(*path, root_);
        json diagnostics = json::array();
        if (report.is_object()) {
            for (const json& finding : report.value("findings", json::array())) {
                if (finding.value("file", "") != relative || finding.value("suppressed", false)) {
                    continue;
                }
                std::string rule = finding.value("ruleId", "");
                std::string page = rule;
                std::replace(page.begin(), page.end(), '/', '-');
                diagnostics.push_back(
                    {{"range", range(finding.value("line", 0), finding.value("column", 0),
                                     finding.value("endLine", 0), finding.value("endColumn", 0))},
                     {"severity", severity(finding.value("level", ""))},
                     {"code", rule},
                     {"codeDescription", {{"href", kDocsBase + page + ".md"}}},
                     {"source", "privaudit"},
                     {"message", finding.value("message", "")}});
            }
            for (const json& note : report.value("notifications", json::array())) {
                if (note.value("file", "") == relative) {
                    diagnostics.push_back({{"range", range(note.value("line", 0), 0, 0, 0)},
                                           {"severity", severity(note.value("level", ""))},
                                           {"code", note.value("id", "")},
                                           {"source", "privaudit"},
                                           {"message", note.value("message", "")}});
                }
            }
        }
        notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", diagnostics}});
    }

    std::optional<std::string> database_;
    std::optional<std::string> policy_;
    std::string root_ = fs::current_path().string();
    std::map<std::string, std::string> texts_;
    bool shutdownRequested_ = false;
};

} // namespace

int runLsp(const std::vector<std::string>& arguments) {
    std::optional<std::string> database;
    std::optional<std::string> policy;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& arg = arguments[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << lspUsage;
            return 0;
        }
        if ((arg == "-p" || arg == "--config") && i + 1 < arguments.size()) {
            (arg == "-p" ? database : policy) = arguments[++i];
        } else if (arg != "--stdio") { // what many editors pass by default
            std::cerr << "privaudit lsp: unknown option '" << arg << "'\n" << lspUsage;
            return 2;
        }
    }
    return LanguageServer(std::move(database), std::move(policy)).run();
}

} // namespace privaudit::cli
