// Customer profile endpoints of the support backend on oatpp and Boost.Beast.
#include "support_backend.h"

#include <boost/beast/http.hpp>
#include <oatpp/web/server/api/ApiController.hpp>

namespace http = boost::beast::http;

struct UserDto {
    long id = 0;
    std::string email;
    std::string phone;
};

class UserService {
public:
    UserDto getUserById(long long userId) const;
};

class UserController : public oatpp::web::server::api::ApiController {
public:
    ENDPOINT("GET", "/users/{userId}", getUserById, PATH(oatpp::Int64, userId)) {
        return createDtoResponse(Status::CODE_200, users_.getUserById(userId)); // expect: cpp/missing-access-check
    }

    ENDPOINT("GET", "/users/{userId}/checked", getCheckedUser, PATH(oatpp::Int64, userId),
             QUERY(oatpp::String, token)) {
        Session session = sessions_.authenticate(token);
        if (userId != session.customerId) {
            return createResponse(Status::CODE_403, "forbidden");
        }
        return createDtoResponse(Status::CODE_200, users_.getUserById(userId)); // ok: cpp/missing-access-check
    }

private:
    UserService users_;
    SessionStore sessions_;
};

http::response<http::string_body> handleCustomer(const http::request<http::string_body>& req,
                                                 const CustomerDirectory& directory) {
    std::string target(req.target());
    long customerId = std::stol(target.substr(target.rfind('/') + 1));
    auto customer = directory.findById(customerId); // expect: cpp/missing-access-check
    http::response<http::string_body> res(http::status::ok, 11);
    res.body() = customer ? toJson(*customer) : "{}";
    return res;
}

http::response<http::string_body> handleOwnCustomer(const http::request<http::string_body>& req,
                                                    const CustomerDirectory& directory,
                                                    const SessionStore& sessions) {
    Session session = sessions.authenticate(std::string(req[http::field::authorization]));
    auto customer = directory.findById(session.customerId); // ok: cpp/missing-access-check
    http::response<http::string_body> res(http::status::ok, 11);
    res.body() = customer ? toJson(*customer) : "{}";
    return res;
}
