// privaudit lsp, driven by a JSON-RPC client speaking LSP over the server's stdin/stdout.
#include "tests/lsp_client.h"
#include "tests/run_privaudit.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace privaudit::testing {

namespace {

using nlohmann::json;

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
