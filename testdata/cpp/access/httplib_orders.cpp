// Order and profile endpoints of the support backend on cpp-httplib.
#include "support_backend.h"

#include <httplib.h>
#include <sqlite3.h>
#include <string>

void registerOrderRoutes(httplib::Server& server, const OrderRepository& orders,
                         const CustomerDirectory& customers, const SessionStore& sessions,
                         const AccessPolicy& policy) {
    // Anyone who changes the number in the path reads someone else's order history.
    server.Get(R"(/api/customers/(\d+)/orders)",
               [&](const httplib::Request& req, httplib::Response& res) {
                   long customerId = std::stol(req.matches[1]);
                   auto history = orders.findByCustomer(customerId); // expect: cpp/missing-access-check
                   res.set_content(toJson(history), "application/json");
               });

    // The customer id comes from the session: only the caller's own orders.
    server.Get("/api/me/orders", [&](const httplib::Request& req, httplib::Response& res) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        auto history = orders.findByCustomer(session.customerId); // ok: cpp/missing-access-check
        res.set_content(toJson(history), "application/json");
    });

    // Owner check with an early return before the read.
    server.Get(R"(/api/customers/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        long customerId = std::stol(req.matches[1]);
        if (customerId != session.customerId) {
            res.status = 403;
            return;
        }
        auto customer = customers.findById(customerId); // ok: cpp/missing-access-check
        if (customer) {
            res.set_content(toJson(*customer), "application/json");
        }
    });

    // An access-policy object decides.
    server.Get("/api/orders/lookup", [&](const httplib::Request& req, httplib::Response& res) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        std::string orderNumber = req.get_param_value("order");
        if (!policy.canViewOrder(session, orderNumber)) {
            res.status = 404;
            return;
        }
        auto order = orders.findByNumber(orderNumber); // ok: cpp/missing-access-check
        res.set_content(toJson(*order), "application/json");
    });

    // The record is loaded, then checked against the caller before anything is returned.
    server.Get(R"(/api/orders/(\w+))", [&](const httplib::Request& req, httplib::Response& res) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        auto order = orders.findByNumber(req.matches[1]); // ok: cpp/missing-access-check
        if (!order || order->customerId != session.customerId) {
            res.status = 404;
            return;
        }
        res.set_content(toJson(*order), "application/json");
    });

    // A check in the wrong place: it runs only on one branch.
    server.Get("/api/customers/by-email", [&](const httplib::Request& req, httplib::Response& res) {
        std::string email = req.get_param_value("email");
        if (email.empty()) {
            Session session = sessions.authenticate(req.get_header_value("Authorization"));
            if (!policy.authorize(session, "customers:search", session.customerId)) {
                res.status = 403;
                return;
            }
        }
        auto customer = customers.findByEmail(email); // expect: cpp/missing-access-check
        if (customer) {
            res.set_content(toJson(*customer), "application/json");
        }
    });
}

// Raw SQL: the statement selects contact data by the id in the query string.
void registerContactRoute(httplib::Server& server, sqlite3* db) {
    server.Get("/api/contact", [db](const httplib::Request& req, httplib::Response& res) {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, "SELECT email, phone FROM customers WHERE id = ?", -1, &statement,
                           nullptr);
        long customerId = std::stol(req.get_param_value("customer"));
        sqlite3_bind_int64(statement, 1, customerId); // expect: cpp/missing-access-check
        sqlite3_step(statement);
        res.status = 200;
    });
}
