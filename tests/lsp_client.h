#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <sys/types.h>

namespace privaudit::testing {

// A JSON-RPC client speaking LSP to `privaudit lsp` over the server's stdin/stdout.
class LspClient {
public:
    explicit LspClient(const std::string& workspace);
    ~LspClient();
    LspClient(const LspClient&) = delete;
    LspClient& operator=(const LspClient&) = delete;

    void send(const nlohmann::json& message);
    void request(int id, const std::string& method, const nlohmann::json& params);
    void notify(const std::string& method, const nlohmann::json& params);

    // The next message from the server; null after 120 s of silence.
    nlohmann::json receive();
    // The next message with `method`, skipping others.
    nlohmann::json receive(const std::string& method);

    int exitCode();

private:
    bool readByte(char& c);
    pid_t server_ = -1;
    int in_ = -1;
    int out_ = -1;
};

} // namespace privaudit::testing
