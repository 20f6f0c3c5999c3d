// Support tickets of the backend as a Drogon controller.
#include "support_backend.h"

#include <drogon/drogon.h>

using drogon::HttpRequestPtr;
using drogon::HttpResponse;
using drogon::HttpResponsePtr;

Json::Value ticketJson(const Ticket& ticket);
Json::Value ticketsJson(const std::vector<Ticket>& tickets);

class TicketController : public drogon::HttpController<TicketController> {
public:
    METHOD_LIST_BEGIN
    METHOD_ADD(TicketController::getTicket, "/{1}", drogon::Get);
    METHOD_ADD(TicketController::getOwnTicket, "/own/{1}", drogon::Get);
    METHOD_ADD(TicketController::listMine, "/mine", drogon::Get);
    METHOD_LIST_END

    // The ticket id from the path reads any customer's ticket.
    void getTicket(const HttpRequestPtr& req,
                   std::function<void(const HttpResponsePtr&)>&& callback, std::string ticketId) {
        auto ticket = tickets_.findById(ticketId); // expect: cpp/missing-access-check
        callback(HttpResponse::newHttpJsonResponse(ticketJson(*ticket)));
    }

    // Ownership is verified before the read.
    void getOwnTicket(const HttpRequestPtr& req,
                      std::function<void(const HttpResponsePtr&)>&& callback,
                      std::string ticketId) {
        long customerId = req->session()->get<long>("customer_id");
        if (!tickets_.isOwner(customerId, ticketId)) {
            auto forbidden = HttpResponse::newHttpResponse();
            forbidden->setStatusCode(drogon::k403Forbidden);
            callback(forbidden);
            return;
        }
        auto ticket = tickets_.findById(ticketId); // ok: cpp/missing-access-check
        callback(HttpResponse::newHttpJsonResponse(ticketJson(*ticket)));
    }

    // The customer id from the server-side session.
    void listMine(const HttpRequestPtr& req,
                  std::function<void(const HttpResponsePtr&)>&& callback) {
        long customerId = req->session()->get<long>("customer_id");
        auto mine = tickets_.findByCustomer(customerId); // ok: cpp/missing-access-check
        callback(HttpResponse::newHttpJsonResponse(ticketsJson(mine)));
    }

    // A customer id in a query parameter is still the caller's choice.
    void listForCustomer(const HttpRequestPtr& req,
                         std::function<void(const HttpResponsePtr&)>&& callback) {
        long customerId = std::stol(req->getParameter("customer"));
        auto theirs = tickets_.findByCustomer(customerId); // expect: cpp/missing-access-check
        callback(HttpResponse::newHttpJsonResponse(ticketsJson(theirs)));
    }

private:
    TicketStore tickets_;
};
