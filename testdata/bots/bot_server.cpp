#include "bot_server.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>

namespace privaudit::bots {

namespace {

constexpr const char* webhookPath = "/webhooks/rest/webhook";
constexpr int workerThreads = 32;

[[noreturn]] void usageError(const std::string& problem) {
    std::cerr << problem << "\nusage: BOT [--port N] [--fault MODE] [--NAME VALUE]...\n";
    std::exit(2);
}

} // namespace

std::string BotOptions::value(const std::string& name, const std::string& fallback) const {
    auto found = values.find(name);
    return found == values.end() ? fallback : found->second;
}

BotOptions parseBotOptions(int argc, char** argv) {
    BotOptions options;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (!arg.starts_with("--") || i + 1 >= argc) {
            usageError("bad argument '" + arg + "'");
        }
        std::string value = argv[++i];
        if (arg == "--port") {
            options.port = std::atoi(value.c_str());
        } else if (arg == "--protocol") {
            options.protocol = value;
            if (value != "rasa-rest" && value != "jsonl") {
                usageError("unknown --protocol '" + value + "'");
            }
        } else if (arg == "--fault") {
            options.fault = value;
        } else {
            options.values[arg.substr(2)] = value;
        }
    }
    return options;
}

FaultInjector::FaultInjector(const std::string& fault) {
    size_t equals = fault.find('=');
    mode_ = fault.substr(0, equals);
    if (equals != std::string::npos) {
        limit_ = std::atoll(fault.c_str() + equals + 1);
    }
    if (!mode_.empty() && mode_ != "crash-after" && mode_ != "hang-after" &&
        mode_ != "garbage-after" && mode_ != "slow") {
        usageError("unknown --fault '" + fault + "'");
    }
}

bool FaultInjector::beforeAnswer() {
    std::unique_lock lock(mutex_);
    long long request = ++requests_;
    if (mode_ == "crash-after" && request > limit_) {
        std::_Exit(70);
    }
    if (mode_ == "hang-after" && request > limit_) {
        stopped_.wait(lock, [&] { return shuttingDown_; });
    }
    if (mode_ == "slow") {
        stopped_.wait_for(lock, std::chrono::milliseconds(limit_), [&] { return shuttingDown_; });
    }
    return !(mode_ == "garbage-after" && request > limit_);
}

void FaultInjector::garbageAnswer(httplib::Response& response) {
    response.set_content("<html><body>502 upstream timed out</body></html>", "text/html");
}

void FaultInjector::shutDown() {
    std::lock_guard lock(mutex_);
    shuttingDown_ = true;
    stopped_.notify_all();
}

namespace {

int serveJsonLines(const BotOptions& options, const ChatHandler& handler) {
    FaultInjector faults(options.fault);
    for (std::string line; std::getline(std::cin, line);) {
        nlohmann::json request = nlohmann::json::parse(line, nullptr, false);
        if (!request.is_object() || !request.contains("session") || !request.contains("message") ||
            !request["session"].is_string() || !request["message"].is_string()) {
            std::cout << R"({"error":"expected {\"session\": ..., \"message\": ...}"})"
                      << std::endl;
            continue;
        }
        if (!faults.beforeAnswer()) {
            std::cout << "<html>oops</html>" << std::endl;
            continue;
        }
        nlohmann::json reply = {{"session", request["session"]},
                                {"replies", handler(request["session"], request["message"])}};
        std::cout << reply.dump() << std::endl;
    }
    return 0;
}

} // namespace

int serveBot(const BotOptions& options, ChatHandler handler,
             const std::function<void(httplib::Server&, FaultInjector&)>& extraRoutes) {
    if (options.protocol == "jsonl") {
        return serveJsonLines(options, handler);
    }
    // Signals go to one thread that stops the server: the handlers of a signal may not.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    std::string certificate = options.value("tls-cert");
    std::unique_ptr<httplib::Server> tlsOrPlain =
        certificate.empty() ? std::make_unique<httplib::Server>()
                            : std::make_unique<httplib::SSLServer>(
                                  certificate.c_str(), options.value("tls-key").c_str());
    httplib::Server& server = *tlsOrPlain;
    if (!server.is_valid()) {
        std::cerr << "cannot load the TLS certificate " << certificate << "\n";
        return 1;
    }
    server.new_task_queue = [] {
        return new httplib::ThreadPool(workerThreads);
    };
    FaultInjector faults(options.fault);
    server.Post(webhookPath, [&](const httplib::Request& request, httplib::Response& response) {
        nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
        if (!body.is_object() || !body.contains("sender") || !body.contains("message") ||
            !body["sender"].is_string() || !body["message"].is_string()) {
            response.status = 400;
            return;
        }
        if (!faults.beforeAnswer()) {
            FaultInjector::garbageAnswer(response);
            return;
        }
        response.set_content(handler(body["sender"], body["message"]).dump(), "application/json");
    });
    if (extraRoutes) {
        extraRoutes(server, faults);
    }
    // Debian's cpp-httplib 0.11 listens with a backlog of 5 (compiled in): a burst of more
    // simultaneous connections would wait for SYN retransmits. Listening again on the same
    // socket raises the backlog; set_socket_options is the one place that sees the socket.
    int listeningSocket = -1;
    server.set_socket_options([&](socket_t socket) {
        listeningSocket = socket;
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    int port = options.port == 0
                   ? server.bind_to_any_port("127.0.0.1")
                   : (server.bind_to_port("127.0.0.1", options.port) ? options.port : -1);
    if (port < 0) {
        std::cerr << "cannot listen on 127.0.0.1:" << options.port << "\n";
        return 1;
    }
    ::listen(listeningSocket, SOMAXCONN);
    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        faults.shutDown();
        server.stop();
    });
    stopper.detach();
    std::cout << "listening on " << (certificate.empty() ? "http" : "https")
              << "://127.0.0.1:" << port << std::endl;
    server.listen_after_bind();
    return 0;
}

} // namespace privaudit::bots
