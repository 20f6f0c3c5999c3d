// privaudit lsp, driven by a JSON-RPC client speaking LSP over the server's stdin/stdout.
#include "tests/run_privaudit.h"

#include <csignal>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace privaudit::testing {

namespace {

using nlohmann::json;

class LspClient {
public:
    explicit LspClient(const std::string& workspace) {
        int toServer[2];
        int fromServer[2];
        EXPECT_EQ(pipe(toServer), 0);
        EXPECT_EQ(pipe(fromServer), 0);
        server_ = fork();
        if (server_ == 0) {
            dup2(toServer[0], 0);
            dup2(fromServer[1], 1);
            close(toServer[1]);
            close(fromServer[0]);
            chdir(workspace.c_str());
            execl(PRIVAUDIT_BINARY, PRIVAUDIT_BINARY, "lsp", "--stdio", nullptr);
            _exit(127);
        }
        close(toServer[0]);
        close(fromServer[1]);
        in_ = toServer[1];
        out_ = fromServer[0];
    }
    ~LspClient() {
        close(in_);
        close(out_);
        if (server_ > 0 && waitpid(server_, nullptr, WNOHANG) == 0) {
            kill(server_, SIGKILL);
            waitpid(server_, nullptr, 0);
        }
    }

    void send(const json& message) {
        std::string body = message.dump();
        std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        ASSERT_EQ(write(in_, frame.data(), frame.size()), static_cast<ssize_t>(frame.size()));
    }
    void request(int id, const std::string& method, const json& params) {
        send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    }
    void notify(const std::string& method, const json& params) {
        send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
    }

    // The next message from the server; null after 120 s of silence.
    json receive() {
        std::string header;
        while (!header.ends_with("\r\n\r\n")) {
            char c;
            if (!readByte(c)) {
                return nullptr;
            }
            header += c;
        }
        std::size_t length = std::stoul(header.substr(header.find(':') + 1));
        std::string body(length, '\0');
        for (std::size_t i = 0; i < length; ++i) {
            if (!readByte(body[i])) {
                return nullptr;
            }
        }
        return json::parse(body);
    }
    // The next message with `method`, skipping others.
    json receive(const std::string& method) {
        for (json message = receive(); !message.is_null(); message = receive()) {
            if (message.value("method", "") == method) {
                return message;
            }
        }
        return nullptr;
    }

    int exitCode() {
        int status = 0;
        waitpid(server_, &status, 0);
        server_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    bool readByte(char& c) {
        pollfd ready = {out_, POLLIN, 0};
        return poll(&ready, 1, 120000) == 1 && read(out_, &c, 1) == 1;
    }
    pid_t server_ = -1;
    int in_ = -1;
    int out_ = -1;
};

const std::string kSecretSource = "#include <string>\n"
                                  "const char* dbPassword = \"Tr0ub4dor&3-prod\";\n";

TEST(Lsp, PublishesDiagnosticsForSourcesAndConfigsOnOpenAndSave) {
    TempDir workspace;
    std::string source = workspace.write("src/db.cpp", "// the editor's buffer differs\n");
    std::string config = workspace.write("bot/endpoints.yml", "");
    LspClient client(workspace.path());
    client.request(1, "initialize",
                   {{"processId", nullptr},
                    {"rootUri", "file://" + workspace.path()},
                    {"capabilities", json::object()}});
    json initialized = client.receive();
    ASSERT_FALSE(initialized.is_null()) << "no answer to initialize";
    EXPECT_EQ(initialized["id"], 1);
    EXPECT_TRUE(initialized["result"]["capabilities"]["textDocumentSync"]["openClose"]);
    client.notify("initialized", json::object());

    // The unsaved text of the buffer is what counts, not the file on disk.
    client.notify("textDocument/didOpen", {{"textDocument",
                                            {{"uri", "file://" + source},
                                             {"languageId", "cpp"},
                                             {"version", 1},
                                             {"text", kSecretSource}}}});
    json published = client.receive("textDocument/publishDiagnostics");
    ASSERT_FALSE(published.is_null());
    EXPECT_EQ(published["params"]["uri"], "file://" + source);
    ASSERT_EQ(published["params"]["diagnostics"].size(), 1u) << published.dump(2);
    json diagnostic = published["params"]["diagnostics"][0];
    EXPECT_EQ(diagnostic["code"], "cpp/hardcoded-secret");
    EXPECT_EQ(diagnostic["severity"], 1);
    EXPECT_EQ(diagnostic["source"], "privaudit");
    EXPECT_EQ(diagnostic["range"]["start"], json({{"line", 1}, {"character", 25}}));
    EXPECT_EQ(diagnostic["message"].get<std::string>().find("Tr0ub4dor"), std::string::npos);

    client.notify(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", "file://" + config},
           {"languageId", "yaml"},
           {"version", 1},
           {"text", "tracker_store:\n  type: SQL\n  password: \"Tr0ub4dor&3-prod\"\n"}}}});
    published = client.receive("textDocument/publishDiagnostics");
    ASSERT_EQ(published["params"]["diagnostics"].size(), 1u) << published.dump(2);
    EXPECT_EQ(published["params"]["diagnostics"][0]["code"], "config/secret-in-plaintext");
    EXPECT_EQ(published["params"]["diagnostics"][0]["range"]["start"]["line"], 2);

    // Fixed and saved: the diagnostics go away.
    client.notify("textDocument/didSave", {{"textDocument", {{"uri", "file://" + source}}},
                                           {"text", "#include <cstdlib>\nconst char* dbPassword = "
                                                    "std::getenv(\"DB_PASSWORD\");\n"}});
    published = client.receive("textDocument/publishDiagnostics");
    EXPECT_EQ(published["params"]["uri"], "file://" + source);
    EXPECT_TRUE(published["params"]["diagnostics"].empty()) << published.dump(2);

    client.request(2, "textDocument/hover", json::object());
    json unsupported = client.receive();
    EXPECT_EQ(unsupported["error"]["code"], -32601);

    client.request(3, "shutdown", nullptr);
    EXPECT_EQ(client.receive()["id"], 3);
    client.notify("exit", nullptr);
    EXPECT_EQ(client.exitCode(), 0);
}

} // namespace

} // namespace privaudit::testing
