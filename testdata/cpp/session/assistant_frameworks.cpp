// The assistant endpoints of the support bot on Crow, Drogon and Pistache.
#include "../access/support_backend.h"

#include <crow.h>
#include <drogon/drogon.h>
#include <pistache/router.h>

void registerGreeting(crow::SimpleApp& app) {
    CROW_ROUTE(app, "/bot/greeting")([](const crow::request& req) {
        static std::string lastCustomerName; // survives every request
        std::string greeting = "Welcome back, " + lastCustomerName; // expect: cpp/cross-session-data
        lastCustomerName = req.url_params.get("name");
        return crow::response(greeting);
    });
}

// Drogon serves every request with one controller object.
class AssistantController : public drogon::HttpController<AssistantController> {
public:
    METHOD_LIST_BEGIN
    METHOD_ADD(AssistantController::ask, "/ask", drogon::Post);
    METHOD_LIST_END

    void ask(const drogon::HttpRequestPtr& req,
             std::function<void(const drogon::HttpResponsePtr&)>&& callback) {
        lastQuestion_ = std::string(req->getBody());
        auto reply = drogon::HttpResponse::newHttpResponse();
        reply->setBody("You asked: " + lastQuestion_); // expect: cpp/cross-session-data
        callback(reply);
    }

    void askStateless(const drogon::HttpRequestPtr& req,
                      std::function<void(const drogon::HttpResponsePtr&)>&& callback) {
        std::string question(req->getBody());
        auto reply = drogon::HttpResponse::newHttpResponse();
        reply->setBody("You asked: " + question); // ok: cpp/cross-session-data
        callback(reply);
    }

private:
    std::string lastQuestion_;
};

// Pistache binds the handlers to one endpoint object.
class ProfileEndpoint {
public:
    void setupRoutes(Pistache::Rest::Router& router) {
        Pistache::Rest::Routes::Post(
            router, "/profile/address",
            Pistache::Rest::Routes::bind(&ProfileEndpoint::updateAddress, this));
    }

    void updateAddress(const Pistache::Rest::Request& request,
                       Pistache::Http::ResponseWriter response) {
        currentAddress_ = request.body();
        response.send(Pistache::Http::Code::Ok, "Saved: " + currentAddress_); // expect: cpp/cross-session-data
    }

private:
    std::string currentAddress_;
};
