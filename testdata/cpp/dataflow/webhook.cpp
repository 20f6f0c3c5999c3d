// Webhook the contact-center platform calls for every customer message, and the caller
// record it builds. What a request carries is customer input.
#include <httplib/httplib.h>
#include <spdlog/spdlog.h>
#include <string>

namespace webhook {

struct CallerInfo {
    [[clang::annotate("privaudit:pii=caller-id")]] std::string lineRef;
    [[clang::annotate("privaudit:pii=none")]] std::string emailTemplate;
    std::string queue;
};

void logCaller(const CallerInfo& caller) {
    spdlog::info("caller on line {}", caller.lineRef); // expect: cpp/pii-in-log
    spdlog::info("template {} for queue {}", caller.emailTemplate, caller.queue); // ok: cpp/pii-in-log
}

void registerRoutes(httplib::Server& server) {
    server.Post("/webhook/message", [](const httplib::Request& req, httplib::Response& res) {
        spdlog::debug("incoming message: {}", req.body); // expect: cpp/pii-in-log
        spdlog::info("incoming message of {} bytes", req.body.size()); // ok: cpp/pii-in-log
        std::string channel = req.get_param_value("channel");
        spdlog::info("message on channel {}", channel); // ok: cpp/pii-in-log
        std::string callback = req.get_param_value("callback_phone");
        spdlog::info("call back on {}", callback); // expect: cpp/pii-in-log
        res.set_content("{\"status\":\"queued\"}", "application/json");
    });
}

} // namespace webhook
