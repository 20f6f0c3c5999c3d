#include "tests/lsp_client.h"

#include <csignal>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace privaudit::testing {

using nlohmann::json;

LspClient::LspClient(const std::string& workspace) {
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

LspClient::~LspClient() {
    close(in_);
    close(out_);
    if (server_ > 0 && waitpid(server_, nullptr, WNOHANG) == 0) {
        kill(server_, SIGKILL);
        waitpid(server_, nullptr, 0);
    }
}

void LspClient::send(const json& message) {
    std::string body = message.dump();
    std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    ASSERT_EQ(write(in_, frame.data(), frame.size()), static_cast<ssize_t>(frame.size()));
}

void LspClient::request(int id, const std::string& method, const json& params) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
}

void LspClient::notify(const std::string& method, const json& params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

json LspClient::receive() {
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

json LspClient::receive(const std::string& method) {
    for (json message = receive(); !message.is_null(); message = receive()) {
        if (message.value("method", "") == method) {
            return message;
        }
    }
    return nullptr;
}

int LspClient::exitCode() {
    int status = 0;
    waitpid(server_, &status, 0);
    server_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool LspClient::readByte(char& c) {
    pollfd ready = {out_, POLLIN, 0};
    return poll(&ready, 1, 120000) == 1 && read(out_, &c, 1) == 1;
}

} // namespace privaudit::testing
