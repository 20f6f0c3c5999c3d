// Customer endpoints of the support backend on Crow.
#include "support_backend.h"

#include <crow.h>

void registerCustomerRoutes(crow::SimpleApp& app, const CustomerDirectory& directory,
                            const SessionStore& sessions, const AccessPolicy& policy) {
    // The route parameter is the key and nobody asks whose record it is.
    CROW_ROUTE(app, "/customers/<int>")([&](long customerId) {
        auto customer = directory.findById(customerId); // expect: cpp/missing-access-check
        return customer ? crow::response(toJson(*customer)) : crow::response(404);
    });

    // The caller's own record, by the session's customer id.
    CROW_ROUTE(app, "/me")([&](const crow::request& req) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        auto customer = directory.findById(session.customerId); // ok: cpp/missing-access-check
        return customer ? crow::response(toJson(*customer)) : crow::response(404);
    });

    // The policy is asked about this customer first.
    CROW_ROUTE(app, "/customers/<int>/address")([&](const crow::request& req, long customerId) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        if (!policy.authorize(session, "customer:read", customerId)) {
            return crow::response(403);
        }
        auto customer = directory.findById(customerId); // ok: cpp/missing-access-check
        return customer ? crow::response(customer->postalAddress) : crow::response(404);
    });

    // The e-mail address from the query string finds anyone's record.
    CROW_ROUTE(app, "/customers/search")([&](const crow::request& req) {
        std::string email = req.url_params.get("email");
        auto customer = directory.findByEmail(email); // expect: cpp/missing-access-check
        return customer ? crow::response(toJson(*customer)) : crow::response(404);
    });
}
